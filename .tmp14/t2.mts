import { TEMPLATES } from '/work/wt14/server/src/engine';
console.log(TEMPLATES['2019'].active.blocks.map(b => b.id + ' ' + b.rows.map(r => r.id)));
