import { get as getHttp, type IncomingMessage } from 'node:http';
import { get as getHttps } from 'node:https';

/**
 * A GET whose promise settles with the response head. `signal` destroys the
 * request, or later the response body, with `signal.reason`, so an abort or a
 * timeout surfaces as the AcquireError it carries. No connection pooling:
 * each acquisition is one long request, and a pooled socket would keep the
 * process alive after it.
 */
export function httpGet(url: URL, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const get = url.protocol === 'https:' ? getHttps : getHttp;
    const req = get(url, { agent: false, headers: { 'user-agent': 'gotrace-view' } });
    const abortRequest = (): void => {
      req.destroy(signal.reason);
    };
    signal.addEventListener('abort', abortRequest, { once: true });
    req.on('error', (e) => {
      signal.removeEventListener('abort', abortRequest);
      reject(e);
    });
    req.on('response', (res) => {
      signal.removeEventListener('abort', abortRequest);
      const abortBody = (): void => {
        res.destroy(signal.reason);
      };
      signal.addEventListener('abort', abortBody, { once: true });
      res.on('close', () => signal.removeEventListener('abort', abortBody));
      resolve(res);
    });
  });
}

/**
 * The start of an error reply's body, for quoting in a message. A failure
 * while reading it ends the text early rather than failing: the status line
 * already is the error being reported, and the body only explains it.
 */
export async function readErrorBody(res: IncomingMessage, maxBytes = 4096): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of res) {
      chunks.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= maxBytes) break;
    }
  } catch {
    // Deliberately partial: see above.
  }
  res.destroy();
  return Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
}
