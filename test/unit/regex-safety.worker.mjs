// Worker of regex-safety.test.ts: collects every regular expression of the engine and runs each on
// adversarial strings, reporting before each run so that the test can name the one that hangs.
//
// Two sources: regex literals, found by scanning the engine's sources with a small lexer (strings,
// comments and template literals skipped), and regexes built with `new RegExp`, caught by wrapping the
// RegExp constructor while the engine loads and checks a sample.
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { register } from 'tsx/esm/api';

const { root, length } = workerData;
const ENGINE = join(root, 'server/src/engine');

/** Regex literals of a JS/TS source: [{ source, flags, line }]. */
function regexLiterals(src) {
  const out = [];
  let i = 0;
  let line = 1;
  let prev = ''; // the last significant token: 'id', 'num', or a punctuator
  const stack = []; // template literal nesting: brace depth at each `${`
  let depth = 0;
  const KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
  const regexAllowed = () => prev === '' || (prev !== 'id' && prev !== 'num' && prev !== ')' && prev !== ']' && prev !== '}') || KEYWORDS.has(prevWord);
  let prevWord = '';
  const skipTemplate = () => {
    // i is just after a backtick or a closing `}` of `${…}`
    while (i < src.length) {
      const c = src[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '\n') line++;
      if (c === '`') { i++; prev = 'id'; return; }
      if (c === '$' && src[i + 1] === '{') { i += 2; stack.push(depth); depth = 0; prev = '('; return; }
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && src[i + 1] === '/') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      for (let k = i; k < stop; k++) if (src[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c) i += src[i] === '\\' ? 2 : 1;
      i++;
      prev = 'id';
      continue;
    }
    if (c === '`') { i++; skipTemplate(); continue; }
    if (c === '{') { depth++; i++; prev = '{'; continue; }
    if (c === '}') {
      if (depth === 0 && stack.length) { depth = stack.pop(); i++; skipTemplate(); continue; }
      depth--; i++; prev = '}'; continue;
    }
    if (c === '/' && regexAllowed()) {
      const start = i;
      i++;
      let inClass = false;
      while (i < src.length) {
        const d = src[i];
        if (d === '\\') { i += 2; continue; }
        if (d === '\n') break;
        if (inClass) { if (d === ']') inClass = false; } else if (d === '[') inClass = true; else if (d === '/') break;
        i++;
      }
      const body = src.slice(start + 1, i);
      i++;
      const fm = /^[dgimsuvy]*/.exec(src.slice(i));
      i += fm[0].length;
      out.push({ source: body, flags: fm[0], line });
      prev = 'id';
      continue;
    }
    const w = /^[A-Za-z_$\u0080-\uffff][\w$\u0080-\uffff]*/.exec(src.slice(i, i + 80));
    if (w) { prev = 'id'; prevWord = w[0]; i += w[0].length; continue; }
    const n = /^\d[\w.]*/.exec(src.slice(i, i + 40));
    if (n) { prev = 'num'; prevWord = ''; i += n[0].length; continue; }
    prev = c; prevWord = ''; i++;
  }
  return out;
}

function engineFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...engineFiles(p));
    else if (/\.ts$/.test(name)) out.push(p);
  }
  return out;
}

const found = new Map(); // key → { re, where }
const add = (re, where) => {
  const key = `/${re.source}/${re.flags}`;
  if (!found.has(key)) found.set(key, { re, where });
};

const literalCount = { files: 0, literals: 0 };
for (const file of engineFiles(ENGINE)) {
  literalCount.files++;
  for (const lit of regexLiterals(readFileSync(file, 'utf8'))) {
    literalCount.literals++;
    let re;
    try { re = new RegExp(lit.source, lit.flags); } catch (e) {
      parentPort.postMessage({ type: 'bad-literal', where: `${relative(root, file)}:${lit.line}`, source: lit.source, error: String(e) });
      continue;
    }
    add(re, `${relative(root, file)}:${lit.line}`);
  }
}

// Regexes built at run time: wrap the constructor while the engine loads and runs once.
register();
const Native = RegExp;
let built = 0;
globalThis.RegExp = new Proxy(Native, {
  construct(target, args) {
    const re = Reflect.construct(target, args);
    const caller = (new Error().stack ?? '').split('\n').find((l) => l.includes(ENGINE));
    if (caller) {
      built++;
      add(re, `new RegExp at ${relative(root, caller.replace(/^.*?\(|\)$/g, '').replace(/^\s*at\s+/, '').replace(/^file:\/\//, ''))}`);
    }
    return re;
  },
});
const mod = await import(join(ENGINE, 'index.ts'));
const engine = mod.check ? mod : mod.default;
for (const name of readdirSync(join(root, 'samples')).filter((n) => n.endsWith('.txt'))) engine.check(readFileSync(join(root, 'samples', name), 'utf8'));
globalThis.RegExp = Native;

const regexes = [...found.entries()].map(([key, v]) => ({ key, where: v.where, re: v.re }));
parentPort.postMessage({ type: 'collected', files: literalCount.files, literals: literalCount.literals, built, regexes: regexes.map((r) => ({ key: r.key, where: r.where })) });

// Adversarial inputs: long runs of one unit or of a short pattern, bare and with a tail that makes
// an anchored or greedy match fail at the very end (the classic trigger of backtracking).
const UNITS = [' ', '\t', '0', '9', '、', '|', '(', ')', '（', '-', '—', '.', ',', '*', '#', '第', '一', '年', '\n', '\r\n', 'a', '\u3000', '😀', '\u0301',
  '1 ', ' 1', '\t0', '0\t', '1,', '1.', '一、', '(一)', '| ', ' |', '20', '第二十条第', '总计', '\t\t\n', '0 ', '- ', '报告'];
const TAILS = ['', '!', '\u0000', 'x', '。'];
const inputs = [];
for (const u of UNITS) {
  const run = u.repeat(Math.ceil(length / u.length)).slice(0, length);
  for (const t of TAILS) inputs.push({ name: `${JSON.stringify(u)}×${run.length}${t ? ` + ${JSON.stringify(t)}` : ''}`, text: run + t });
}
inputs.push({ name: 'prefix 一、 then spaces', text: '一、' + ' '.repeat(length) + '!' });
inputs.push({ name: 'digits then spaces', text: '1'.repeat(length / 2) + ' '.repeat(length / 2) + 'x' });

const run = (re, text) => {
  const r = new Native(re.source, re.flags);
  if (r.global || r.sticky) return (text.match(new Native(re.source, r.flags.replace('y', '') + (r.global ? '' : 'g'))) ?? []).length;
  return r.exec(text) ? 1 : 0;
};
for (let a = 0; a < regexes.length; a++) {
  for (let b = 0; b < inputs.length; b++) {
    parentPort.postMessage({ type: 'start', regex: a, input: inputs[b].name });
    try {
      run(regexes[a].re, inputs[b].text);
    } catch (e) {
      parentPort.postMessage({ type: 'threw', regex: a, input: inputs[b].name, error: String(e) });
    }
  }
}
parentPort.postMessage({ type: 'done', runs: regexes.length * inputs.length });
