import { readFileSync } from 'node:fs';
import { convert } from '/work/wt14/server/src/convert';
for (const n of process.argv.slice(2)) {
  const t: Record<string, string> = {};
  for (const ext of ['html', 'docx', 'pdf']) {
    const c = await convert(`x.${ext}`, new Uint8Array(readFileSync(`/work/wt14/test/fixtures/convert/${n}.${ext}`)));
    t[ext] = c.kind === 'converted' ? c.text : 'FAILED';
  }
  const lines = (s: string) => s.split('\n');
  const diff = (a: string, b: string) => { const x = lines(a), y = lines(b); const out: string[] = []; for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) out.push(`${i}: ${JSON.stringify(x[i])}\n   ${JSON.stringify(y[i])}`); return out; };
  const d1 = diff(t.html, t.docx), d2 = diff(t.html, t.pdf);
  console.log(n, 'html=docx', d1.length === 0, 'html=pdf', d2.length === 0);
  if (process.env.V) console.log(d2.slice(0, 4).join('\n'));
}
