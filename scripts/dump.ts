import { readFileSync } from 'node:fs';
import { parseReport } from '../server/src/engine/parse/report';
import { positionAt } from '../server/src/engine/text/lines';
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  const r = parseReport(text);
  const p = (o: number) => { const x = positionAt(r.lines, o); return `${x.line}:${x.character}`; };
  console.log('==', f, 'title', r.title?.text, 'year', r.year?.value, 'version', JSON.stringify({ ...r.version, markers: undefined }));
  for (const h of r.headings) console.log('  H', h.no, p(h.span.start), h.marker?.text, h.title);
  for (const s of r.sections) for (const sh of s.subHeadings) console.log('   sub', s.no, p(sh.span.start), sh.text);
  for (const t of Object.values(r.tables)) {
    if (!t) continue;
    console.log('  T', t.id, t.version, p(t.span.start), '-', p(t.span.end), 'trunc', t.truncatedAt && p(t.truncatedAt.start), 'missing', t.missing.map((m) => m.id).join(','));
    for (const row of t.rows) console.log('    R', row.id, p(row.labelSpan.start), row.cells ? row.cells.map((c) => c.kind === 'number' ? c.value : c.kind === 'blank' ? '_' : `?${c.raw}`).join(' ') : `NULL found=${row.found.length}`, row.extra.length ? `extra=${row.extra.length}` : '');
  }
}
