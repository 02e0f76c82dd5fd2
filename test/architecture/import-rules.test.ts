import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/paths.ts';

/**
 * The flow is the layout (DEVELOPERS.md): server trace/ → model/ → query/ →
 * api/, web data/ → state/ → timeline/ + render/, shared/ below both. These
 * rules are checked on every import of every source file.
 */

function sources(dir: string): string[] {
  const out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(join(REPO, dir));
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(join(REPO, p)).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(e)) out.push(p);
  }
  return out;
}

interface Import {
  from: string;
  spec: string;
  /** Repository-relative target for relative imports, else null. */
  target: string | null;
}

function imports(file: string): Import[] {
  const text = readFileSync(join(REPO, file), 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const target = spec.startsWith('.') ? relative(REPO, resolve(REPO, dirname(file), spec)) : null;
    out.push({ from: file, spec, target });
  }
  return out;
}

const all = [...sources('server'), ...sources('web'), ...sources('shared')];
const edges = all.flatMap(imports);

/** Allowed targets for relative imports, by source folder prefix (first match wins). */
const RULES: [string, string[]][] = [
  ['shared/', ['shared/']],
  ['server/trace/', ['server/trace/', 'shared/']],
  ['server/model/', ['server/model/', 'server/trace/', 'shared/']],
  ['server/query/', ['server/query/', 'server/model/', 'server/trace/', 'shared/']],
  ['server/api/', ['server/api/', 'server/query/', 'server/model/', 'server/trace/', 'shared/']],
  ['server/', ['server/', 'shared/']],
  ['web/data/', ['web/data/', 'shared/']],
  ['web/state/', ['web/state/', 'web/data/', 'shared/']],
  ['web/render/', ['web/render/', 'shared/']],
  ['web/', ['web/', 'shared/']],
];

describe('import rules', () => {
  it('finds the sources it guards', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('relative imports only go down the flow', () => {
    const bad: string[] = [];
    for (const e of edges) {
      if (e.target === null) continue;
      const rule = RULES.find(([prefix]) => e.from.startsWith(prefix));
      if (rule && !rule[1].some((ok) => e.target!.startsWith(ok))) bad.push(`${e.from} → ${e.spec}`);
    }
    expect(bad).toEqual([]);
  });

  it('shared/ uses no platform: no node:, no DOM framework, no server packages', () => {
    const bad = edges.filter((e) => e.from.startsWith('shared/') && e.target === null).map((e) => `${e.from} → ${e.spec}`);
    expect(bad).toEqual([]);
  });

  it('web/ never reaches Node or the server, and render/ never imports React', () => {
    const bad = edges
      .filter((e) => e.from.startsWith('web/') && e.target === null)
      .filter((e) => e.spec.startsWith('node:') || /^(fastify|@fastify\/)/.test(e.spec) || (e.from.startsWith('web/render/') && /^react/.test(e.spec)))
      .map((e) => `${e.from} → ${e.spec}`);
    expect(bad).toEqual([]);
  });

  it('only web/data/ fetches', () => {
    const bad = sources('web').filter((f) => !f.startsWith('web/data/') && /\bfetch\(/.test(readFileSync(join(REPO, f), 'utf8')));
    expect(bad).toEqual([]);
  });

  it('the server layers below api/ do not know HTTP', () => {
    const bad = edges
      .filter((e) => /^server\/(trace|model|query)\//.test(e.from) && /^(fastify|@fastify\/)/.test(e.spec))
      .map((e) => `${e.from} → ${e.spec}`);
    expect(bad).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map<string, string[]>();
    for (const e of edges) {
      if (e.target === null) continue;
      const to = e.target.replace(/\.(ts|tsx)$/, '');
      const from = e.from.replace(/\.(ts|tsx)$/, '');
      graph.set(from, [...(graph.get(from) ?? []), to]);
    }
    const state = new Map<string, number>();
    const cycles: string[] = [];
    const visit = (n: string, path: string[]) => {
      if (state.get(n) === 2) return;
      if (state.get(n) === 1) {
        cycles.push([...path.slice(path.indexOf(n)), n].join(' → '));
        return;
      }
      state.set(n, 1);
      for (const m of graph.get(n) ?? []) visit(m, [...path, n]);
      state.set(n, 2);
    };
    for (const n of graph.keys()) visit(n, []);
    expect(cycles).toEqual([]);
  });
});
