import { readFileSync } from 'node:fs';
import { convert } from '/work/wt14/server/src/convert';
const c = await convert('x.pdf', new Uint8Array(readFileSync(process.argv[2])));
if (c.kind === 'converted') c.text.split('\n').forEach((l, i) => { if (new RegExp(process.argv[3]).test(l)) console.log(i, c.lines[i].source.page, JSON.stringify(l)); });
