import type { ProfileNode, ProfileResponse } from '../../shared/api.ts';
import type { ProfileRecord } from '../model/blocking-profile.ts';
import type { TraceModel } from '../model/trace-model.ts';

/** A blocking profile as the web app draws it: a flame graph tree (root first) and a top table by leaf function. */
export function profileView(model: TraceModel, kind: string, records: ProfileRecord[]): ProfileResponse {
  const st = model.stacks;
  const root: ProfileNode = { func: 'root', file: '', line: 0, totalNs: 0, count: 0, children: [] };
  const top = new Map<string, { func: string; file: string; selfNs: number; count: number }>();
  for (const rec of records) {
    const frames = st.frames(rec.stack);
    root.totalNs += rec.delayNs;
    root.count += rec.count;
    let node = root;
    for (let i = frames.length - 1; i >= 0; i--) {
      const f = frames[i];
      const func = st.funcName(f);
      const line = st.line(f);
      let child = node.children.find((c) => c.func === func && c.line === line);
      if (!child) {
        child = { func, file: st.fileName(f), line, totalNs: 0, count: 0, children: [] };
        node.children.push(child);
      }
      child.totalNs += rec.delayNs;
      child.count += rec.count;
      node = child;
    }
    const leaf = frames.length > 0 ? frames[0] : -1;
    const func = leaf >= 0 ? st.funcName(leaf) : '(no stack)';
    const entry = top.get(func) ?? { func, file: leaf >= 0 ? st.fileName(leaf) : '', selfNs: 0, count: 0 };
    entry.selfNs += rec.delayNs;
    entry.count += rec.count;
    top.set(func, entry);
  }
  const sortTree = (n: ProfileNode) => {
    n.children.sort((a, b) => b.totalNs - a.totalNs);
    n.children.forEach(sortTree);
  };
  sortTree(root);
  return { kind, totalNs: root.totalNs, count: root.count, top: [...top.values()].sort((a, b) => b.selfNs - a.selfNs), root };
}
