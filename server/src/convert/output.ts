/** Building converted text line by line with the source of each line and of each table cell. */
import { foldLookAlikes } from './fold';
import type { SourceCell, SourceLine, SourceLocation } from './types';

export interface OutputCell {
  readonly text: string;
  readonly source: SourceLocation;
}

/** Whitespace inside one cell or paragraph: runs of spaces, tabs and line breaks become one space. */
export function squeeze(text: string): string {
  return text.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
}

export class TextBuilder {
  private readonly texts: string[] = [];
  private readonly sources: SourceLine[] = [];

  /** A line of prose; empty lines are kept only as one blank between blocks. */
  line(text: string, source: SourceLocation): void {
    const clean = foldLookAlikes(text.replace(/[\t\r\n]+/g, ' ')).trimEnd();
    if (clean.trim() === '') {
      this.blank();
      return;
    }
    this.texts.push(clean);
    this.sources.push({ source });
  }

  /** One table row: cells joined by TAB, merged cells already placed once, empty cells empty. */
  row(cells: readonly OutputCell[], source: SourceLocation): void {
    let text = '';
    const placed: SourceCell[] = [];
    cells.forEach((c, i) => {
      if (i > 0) text += '\t';
      const value = foldLookAlikes(c.text.replace(/[\t\r\n]+/g, ' ').trim());
      placed.push({ start: text.length, end: text.length + value.length, source: c.source });
      text += value;
    });
    if (text.replace(/\t/g, '').trim() === '') return;
    this.texts.push(text);
    this.sources.push({ source, cells: placed });
  }

  blank(): void {
    if (this.texts.length > 0 && this.texts[this.texts.length - 1] !== '') {
      this.texts.push('');
      this.sources.push({ source: {} });
    }
  }

  get lineCount(): number {
    return this.texts.length;
  }

  /** Whether any line has more than whitespace and TABs. */
  hasText(): boolean {
    return this.texts.some((t) => t.replace(/\t/g, '').trim() !== '');
  }

  result(): { text: string; lines: SourceLine[] } {
    while (this.texts.length > 0 && this.texts[this.texts.length - 1] === '') {
      this.texts.pop();
      this.sources.pop();
    }
    return { text: this.texts.join('\n'), lines: this.sources };
  }
}
