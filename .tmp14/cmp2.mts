import { readFileSync } from 'node:fs';
import { convert } from '/work/wt14/server/src/convert';
for (const n of process.argv.slice(2)) {
  const t: Record<string, string[]> = {};
  for (const ext of ['html', 'pdf']) {
    const c = await convert(`x.${ext}`, new Uint8Array(readFileSync(`/work/wt14/test/fixtures/convert/${n}.${ext}`)));
    t[ext] = c.kind === 'converted' ? c.text.split('\n').filter((l) => l.includes('\t')) : ['FAILED'];
  }
  const bad = t.html.map((l, i) => [l, t.pdf[i]]).filter(([a, b]) => a !== b);
  console.log(n, t.html.length, t.pdf.length, bad.length);
  for (const [a, b] of bad.slice(0, 3)) console.log('  H', JSON.stringify(a), '\n  P', JSON.stringify(b));
}
