// Child process for `npm run bench -- --profile`: runs check() on one synthetic input under
// `node --cpu-prof`. Usage: node --cpu-prof … profile-target.mjs <shape> <bytes> <runs>
import { loadEngine } from './engine.mjs';
import { SHAPES } from './synth.mjs';

const [shape, sizeText, runsText] = process.argv.slice(2);
const engine = loadEngine();
const text = SHAPES[shape].make(engine, Number(sizeText));
const runs = Number(runsText ?? 3);
engine.check(text); // warm-up
for (let i = 0; i < runs; i++) engine.check(text);
