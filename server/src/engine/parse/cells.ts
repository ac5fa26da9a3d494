/** Reading one cell's value (docs/format.md, "Cell values"). */
import { CELL_UNITS } from '../template/matching';
import { makeCell, type Cell, type CellKind } from '../model';
import type { Field } from './fields';
import { BoundedMemo } from '../text/memo';

const BLANK = /^(?:\/+|\\|-+|无|空|—+)$/;
const NUMBER = new RegExp(
  `^([+-])?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(${CELL_UNITS.join('|')})?$`,
);
const WORD_SIGN = /^([增减])\s*(\d+)$/;

export interface CellReading {
  readonly kind: CellKind;
  readonly value: number | null;
  readonly unit?: string;
}

export function readCellText(text: string): CellReading {
  // The same few cell texts (`0`, `1`, `/`) fill every table: read each once (bounded memo).
  const known = READINGS.get(text);
  if (known) return known;
  const reading = readUncached(text);
  if (text.length <= 40) READINGS.set(text, reading);
  return reading;
}

const READINGS = new BoundedMemo<CellReading>(20000);

function readUncached(text: string): CellReading {
  const t = text.replace(/^\*+|\*+$/g, '').trim();
  if (t === '' || BLANK.test(t)) return { kind: 'blank', value: 0 };
  const m = NUMBER.exec(t);
  if (m) {
    const digits = m[2].replace(/,/g, '') + (m[3] ? '.' + m[3] : '');
    const value = (m[1] === '-' ? -1 : 1) * Number(digits);
    return m[4] ? { kind: 'number', value, unit: m[4] } : { kind: 'number', value };
  }
  const w = WORD_SIGN.exec(t);
  if (w) return { kind: 'number', value: (w[1] === '减' ? -1 : 1) * Number(w[2]) };
  return { kind: 'text', value: null };
}

/** A token that stands where a number belongs: a number, a blank marker, or short text with a digit. */
export function isValueLike(text: string): boolean {
  const r = readCellText(text);
  if (r.kind !== 'text') return true;
  return text.length <= 12 && /\d/.test(text) && !/[第条项]/.test(text);
}

export function cellOf(f: Field): Cell {
  const r = readCellText(f.text);
  const span = { start: f.start, end: f.end };
  return makeCell(span, f.text, r.kind, r.value, r.unit);
}

/** A blank cell where nothing was written: empty, at `at`, read as 0. */
export function blankCellAt(at: number): Cell {
  return makeCell({ start: at, end: at }, '', 'blank', 0);
}

/** A field read by position: its cell, or a blank cell at its place when the field is empty. */
export function positionalCell(f: Field): Cell {
  return f.text === '' ? blankCellAt(f.start) : cellOf(f);
}
