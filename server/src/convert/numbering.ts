/**
 * Word's automatic numbering, printed as Word prints it. A paragraph numbered by `w:numPr` (its own, or its
 * paragraph style's in `word/styles.xml`) holds only its title (`总体情况`); the number (`一、`) comes from
 * `word/numbering.xml`: the list's level gives the format (`chineseCounting`, `decimal`, …) and the text around
 * it (`%1、`, `（%2）`), counters run per list and restart below a higher level, and a list instance may start
 * again (`w:startOverride`). Headings numbered so (Word's and WPS's numbered heading styles) then read as
 * the report prints them.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { MAX_NESTING } from './limits';
import { ConversionError } from './types';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

interface NumberingDefinition {
  /** abstractNum id → levels by ilvl. */
  readonly abstract: Map<string, Map<number, Level>>;
  /** num id → its abstractNum and the levels it starts again. */
  readonly nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
}

/** A paragraph style's numbering (`w:pStyle` → `w:numPr`) and the style it is based on. */
interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

/** Parse an XML part with the converter's rules: no DOCTYPE, bounded nesting. */
function walk(xml: string, open: (tag: SaxesTagPlain, path: readonly string[]) => void, close?: (name: string) => void): void {
  const parser = new SaxesParser({ xmlns: false });
  const path: string[] = [];
  parser.on('doctype', () => {
    throw new ConversionError('xml-hostile', 'a DOCTYPE in a DOCX part');
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    if (path.length >= MAX_NESTING) throw new ConversionError('xml-hostile', `nesting deeper than ${MAX_NESTING}`);
    open(tag, path);
    path.push(tag.name);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    path.pop();
    close?.(tag.name);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ConversionError) throw error;
    throw new ConversionError('corrupt', error instanceof Error ? error.message : String(error));
  }
}

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : undefined;
};
const int = (v: string | undefined, fallback: number): number => {
  const n = Number.parseInt(v ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
};

function readNumbering(xml: string): NumberingDefinition {
  const abstract = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  let levels: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: { abstractId: string; starts: Map<number, number> } | null = null;
  let overrideLevel = -1;
  walk(xml, (tag) => {
    switch (tag.name) {
      case 'w:abstractNum':
        levels = new Map();
        abstract.set(attr(tag, 'w:abstractNumId') ?? '', levels);
        return;
      case 'w:lvl':
        // A w:lvl inside a num's w:lvlOverride redefines the level for that list only: read as its start.
        if (levels && !num) {
          level = { start: 1, format: 'decimal', text: '', suffix: 'tab' };
          levels.set(int(attr(tag, 'w:ilvl'), 0), level);
        }
        return;
      case 'w:start':
        if (level) level.start = int(attr(tag, 'w:val'), 1);
        return;
      case 'w:numFmt':
        if (level) level.format = attr(tag, 'w:val') ?? 'decimal';
        return;
      case 'w:lvlText':
        if (level) level.text = attr(tag, 'w:val') ?? '';
        return;
      case 'w:suff':
        if (level) level.suffix = attr(tag, 'w:val') ?? 'tab';
        return;
      case 'w:num':
        num = { abstractId: '', starts: new Map() };
        nums.set(attr(tag, 'w:numId') ?? '', num);
        return;
      case 'w:abstractNumId':
        if (num) num.abstractId = attr(tag, 'w:val') ?? '';
        return;
      case 'w:lvlOverride':
        overrideLevel = int(attr(tag, 'w:ilvl'), 0);
        return;
      case 'w:startOverride':
        if (num && overrideLevel >= 0) num.starts.set(overrideLevel, int(attr(tag, 'w:val'), 1));
        return;
    }
  }, (name) => {
    if (name === 'w:abstractNum') levels = null;
    else if (name === 'w:lvl') level = null;
    else if (name === 'w:num') num = null;
    else if (name === 'w:lvlOverride') overrideLevel = -1;
  });
  return { abstract, nums };
}

function readStyles(xml: string): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  let style: StyleNumbering | null = null;
  walk(xml, (tag, path) => {
    if (tag.name === 'w:style') {
      style = {};
      styles.set(attr(tag, 'w:styleId') ?? '', style);
      return;
    }
    if (!style || !path.includes('w:style')) return;
    if (tag.name === 'w:basedOn') style.basedOn = attr(tag, 'w:val');
    else if (tag.name === 'w:numId' && path.includes('w:numPr')) style.numId = attr(tag, 'w:val');
    else if (tag.name === 'w:ilvl' && path.includes('w:numPr')) style.ilvl = int(attr(tag, 'w:val'), 0);
  }, (name) => {
    if (name === 'w:style') style = null;
  });
  return styles;
}

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** 1–99 as Word's chineseCounting writes them: 一 … 十, 十一, 二十, 二十一. */
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones ? CHINESE_DIGITS[ones] : ''}`;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter past z: a … z, aa … zz.
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** The counter `n` in the level's number format. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'chineseLegalSimplified': case 'japaneseCounting':
    case 'taiwaneseCounting': case 'taiwaneseCountingThousand': case 'ideographDigital':
      return chineseCounting(n);
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : String(n);
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'upperRoman': return roman(n);
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    default: return String(n);
  }
}

/** Bullets and `none` print no number a reviewer reads: nothing is added for them. */
const NO_NUMBER = new Set(['bullet', 'none']);
/** After these the tab Word puts between number and text is no space a reader sees (`一、总体情况`). */
const CLOSES_NUMBER = /[、.．)）:：]$/;

/**
 * The numbering of one document: `label(numId, ilvl)` advances the list's counter and returns the number as
 * printed, with the space Word leaves after it; `styleNumbering` resolves a paragraph style's numPr.
 */
export class Numbering {
  private readonly counters = new Map<string, number[]>();

  private constructor(private readonly def: NumberingDefinition, private readonly styles: Map<string, StyleNumbering>) {}

  /** From the parts' XML (either may be absent: then no paragraph is numbered through it). */
  static read(numberingXml: string | null, stylesXml: string | null): Numbering | null {
    if (numberingXml === null) return null;
    return new Numbering(readNumbering(numberingXml), stylesXml === null ? new Map<string, StyleNumbering>() : readStyles(stylesXml));
  }

  /** The numPr a paragraph style gives (following `w:basedOn`), or undefined. */
  styleNumbering(styleId: string | undefined): { numId?: string; ilvl?: number } | undefined {
    const seen = new Set<string>();
    let id = styleId;
    let numId: string | undefined;
    let ilvl: number | undefined;
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      id = s.basedOn;
    }
    return numId === undefined && ilvl === undefined ? undefined : { numId, ilvl };
  }

  /** The printed number of the next paragraph of list `numId` at level `ilvl` ('' when none is printed). */
  label(numId: string, ilvl: number): string {
    const num = this.def.nums.get(numId);
    if (!num || numId === '0') return '';
    const levels = this.def.abstract.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!levels || !level || NO_NUMBER.has(level.format)) return '';
    // A list instance that starts a level again is a list of its own; others share their abstract list.
    const key = num.starts.size ? `num:${numId}` : `abstract:${num.abstractId}`;
    let counts = this.counters.get(key);
    if (!counts) this.counters.set(key, counts = []);
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl] + 1;
    // A level restarts after any higher level's paragraph.
    counts.length = ilvl + 1;
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const fmt = levels.get(l)?.format ?? 'decimal';
      return formatNumber(counts[l] ?? startOf(l), fmt);
    });
    if (!text) return '';
    const gap = level.suffix === 'nothing' ? '' : level.suffix === 'space' ? ' ' : CLOSES_NUMBER.test(text) ? '' : ' ';
    return text + gap;
  }
}
