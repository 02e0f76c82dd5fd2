/**
 * Go's strconv.QuoteToASCII: the quoting both our dump and the Go oracle use,
 * so strings compare byte for byte. Non-ASCII runes become \uXXXX or \UXXXXXXXX.
 */
export function quoteToAscii(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
      plain = false;
      break;
    }
  }
  if (plain) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    let r = ch.codePointAt(0)!;
    if (r === 0x22) out += '\\"';
    else if (r === 0x5c) out += '\\\\';
    else if (r >= 0x20 && r < 0x7f) out += ch;
    else if (r === 7) out += '\\a';
    else if (r === 8) out += '\\b';
    else if (r === 12) out += '\\f';
    else if (r === 10) out += '\\n';
    else if (r === 13) out += '\\r';
    else if (r === 9) out += '\\t';
    else if (r === 11) out += '\\v';
    else if (r < 0x20 || r === 0x7f) out += `\\x${hex(r, 2)}`;
    else {
      if (r >= 0xd800 && r <= 0xdfff) r = 0xfffd; // lone surrogate: not a valid rune
      out += r < 0x10000 ? `\\u${hex(r, 4)}` : `\\U${hex(r, 8)}`;
    }
  }
  return out + '"';
}

function hex(v: number, width: number): string {
  return v.toString(16).padStart(width, '0');
}
