import { readFileSync } from 'node:fs';
import { check } from '/work/wt14/server/src/engine';
import { convert } from '/work/wt14/server/src/convert';
const names = process.argv.slice(2);
const key = (f: any) => `${f.code}|${f.target?.row ?? ''}|${f.target?.column ?? ''}|${f.message}`;
for (const n of names) {
  const src = n.length === 20 ? `/work/wt14/samples/${n}.txt` : `/work/shared/corpus/real/${n}.txt`;
  const want = check(readFileSync(src, 'utf8'), {}).findings.map(key).sort();
  for (const ext of ['html', 'docx', 'pdf']) {
    const t0 = performance.now();
    const c = await convert(`x.${ext}`, new Uint8Array(readFileSync(`/work/wt14/test/fixtures/convert/${n}.${ext}`)));
    const ms = performance.now() - t0;
    if (c.kind !== 'converted') { console.log(n, ext, 'FAILED', c); continue; }
    const got = check(c.text, {}).findings.map(key).sort();
    const missing = want.filter((k) => !got.includes(k));
    const extra = got.filter((k) => !want.includes(k));
    console.log(n, ext, ms.toFixed(0) + 'ms', missing.length === 0 && extra.length === 0 ? 'EQUAL' : `DIFF -${missing.length} +${extra.length}`, `(${want.length})`);
    if (process.env.V) { for (const m of missing) console.log('   -', m); for (const m of extra) console.log('   +', m); }
  }
}
