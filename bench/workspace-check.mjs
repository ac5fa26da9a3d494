// The workspace check at scale (part 7 of npm run bench, alone): N reports checked through the real language server
// while a client types into an open report.
//   node bench/workspace-check.mjs [N]      (npm run build first)
import { cpus } from 'node:os';
import { workspaceBench } from './lib/workspace-bench.mjs';
import { ms } from './lib/stats.mjs';

const r = await workspaceBench({ reports: Number(process.argv[2] ?? 1000) });
const row = (name, x) => `${name.padEnd(34)} median ${ms(x.median).padStart(9)}   p95 ${ms(x.p95).padStart(9)}   max ${ms(x.max).padStart(9)}   (${x.n} keystrokes)`;
console.log(`workspace check: ${r.reports} reports (${(r.bytes / 1024 / 1024).toFixed(1)} MB) in ${r.seconds.toFixed(2)} s `
  + `(server's own count ${r.serverMs} ms; ${(r.reports / r.seconds).toFixed(0)} reports/s), ${r.listed} listed, `
  + `${r.withErrors} with errors, ${r.published} diagnostics published; ${cpus().length} cores, node ${process.version}`);
console.log(row('keystroke → diagnostics, idle', r.keystroke.idle));
console.log(row('keystroke → diagnostics, during', r.keystroke.during));
console.log(row('hover, idle', r.hover.idle));
console.log(row('hover, during', r.hover.during));
