// Summarise a V8 .cpuprofile: self and inclusive sample share per function, mapped through the
// engine bundle's source map back to server/src/engine/<file>:<function>.
import { readFileSync, existsSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './engine.mjs';

const maps = new Map();
function mapFor(url) {
  if (!url.startsWith('file://') && !url.startsWith('/')) return null;
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (maps.has(file)) return maps.get(file);
  let map = null;
  if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
  maps.set(file, map);
  return map;
}

/** "server/src/engine/parse/fields.ts:splitFields" for a call frame (or the frame's own name). */
function frameName(cf) {
  const name = cf.functionName || '(anonymous)';
  if (!cf.url) return name;
  const map = mapFor(cf.url);
  if (map) {
    const e = map.findEntry(cf.lineNumber, cf.columnNumber);
    if (e && e.originalSource) {
      const src = e.originalSource.startsWith('file://') ? fileURLToPath(e.originalSource) : e.originalSource;
      const rel = relative(ROOT, src.startsWith('/') ? src : `${ROOT}/${src}`);
      return `${rel.replace(/^(\.\.\/)+/, '')}:${name}`;
    }
  }
  if (!cf.url.startsWith('file://') && !cf.url.startsWith('/')) return `${cf.url}:${name}`;
  const path = cf.url.startsWith('file://') ? fileURLToPath(cf.url) : cf.url;
  return `${relative(ROOT, path)}:${name}`;
}

/**
 * { total, self: [{fn, pct}], inclusive: [{fn, pct}] } for a profile file. Inclusive counts a sample
 * once per function even under recursion.
 */
export function summarise(file, top = 15) {
  const prof = JSON.parse(readFileSync(file, 'utf8'));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const names = new Map(prof.nodes.map((n) => [n.id, frameName(n.callFrame)]));
  const self = new Map();
  const incl = new Map();
  let total = 0;
  for (const id of prof.samples) {
    const name = names.get(id);
    if (name === '(idle)' || name === '(program)') continue;
    total++;
    self.set(name, (self.get(name) ?? 0) + 1);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const nm = names.get(cur);
      if (seen.has(nm)) continue;
      seen.add(nm);
      incl.set(nm, (incl.get(nm) ?? 0) + 1);
    }
  }
  const rank = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([fn, n]) => ({ fn, pct: +(100 * n / total).toFixed(1) }));
  const engineOnly = (m) => new Map([...m].filter(([fn]) => fn.startsWith('server/src/')));
  return { total, self: rank(self), inclusive: rank(engineOnly(incl)) };
}
