import { readFileSync } from 'node:fs';
import { check } from '../server/src/engine';
for (const f of process.argv.slice(2)) {
  const r = check(readFileSync(f, 'utf8'));
  console.log('==', f, r.findings.length);
  for (const x of r.findings) console.log(`  ${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${x.severity} ${x.code} ${x.message}${x.fix ? ' [fix]' : ''}${x.suggestions.length ? ' [sugg]' : ''}`);
}
