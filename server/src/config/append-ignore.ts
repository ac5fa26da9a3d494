/**
 * Adding one `ignore` entry to a `.xxgkrc.json` text by a single insertion: every character of
 * the file stays as written (its other keys, its layout, line endings and indentation); the entry goes on a
 * line of its own after the last entry, or into a new `ignore` key after the last key. Callers check the
 * text with the schema first; null when it is not a JSON object or its `ignore` is not an array.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { Suppression } from './schema';

export interface Insertion {
  readonly offset: number;
  readonly text: string;
}

/** `{ "rule": "item-total", "file": "a.txt", "row": "R3.7", "column": "natural" }` */
export function entryText(entry: Suppression): string {
  return `{ ${Object.entries(entry).filter(([, v]) => v !== undefined).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
}

/** The whitespace before a node when it starts its line, else null. */
function lineIndent(text: string, offset: number): string | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : null;
}

function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

const end = (n: Node) => n.offset + n.length;

export function appendIgnore(text: string, entry: Suppression): Insertion | null {
  const root = parseTree(text);
  if (!root || root.type !== 'object') return null;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = indentUnit(text);
  const item = entryText(entry);
  const list = findNodeAtLocation(root, ['ignore']);
  if (list && list.type === 'array') {
    const last = list.children?.at(-1);
    if (last) {
      const indent = lineIndent(text, last.offset);
      return { offset: end(last), text: indent === null ? `, ${item}` : `,${eol}${indent}${item}` };
    }
    const key = list.parent ?? list;
    const indent = lineIndent(text, key.offset) ?? '';
    return { offset: list.offset + 1, text: `${eol}${indent}${unit}${item}${eol}${indent}` };
  }
  if (list) return null;
  const lastProperty = root.children?.at(-1);
  if (lastProperty) {
    const indent = lineIndent(text, lastProperty.offset) ?? unit;
    return { offset: end(lastProperty), text: `,${eol}${indent}"ignore": [${eol}${indent}${unit}${item}${eol}${indent}]` };
  }
  return { offset: root.offset + 1, text: `${eol}${unit}"ignore": [${eol}${unit}${unit}${item}${eol}${unit}]${eol}` };
}

/** A new config file holding just this entry. */
export function newConfigText(entry: Suppression): string {
  const empty = '{}\n';
  const insertion = appendIgnore(empty, entry)!;
  return `${empty.slice(0, insertion.offset)}${insertion.text}${empty.slice(insertion.offset)}`;
}
