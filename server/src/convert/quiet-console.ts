/**
 * The converter process answers with one JSON document on stdout; pdf.js prints its warnings with
 * `console.log` (for instance that the optional canvas package is absent, as it is in the .vsix). Imported
 * first by main.ts, this sends every console line to stderr so stdout carries the answer alone.
 */
const toStderr = (...args: unknown[]) => {
  process.stderr.write(args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ') + '\n');
};
console.log = toStderr;
console.info = toStderr;
console.warn = toStderr;
console.debug = toStderr;
