/** Where a finding in converted text came from in the published file: the page, the table cell, the element. */
import type { Range } from '../engine';
import type { SourceFormat, SourceLine, SourceLocation } from './types';

/** What the outputs know about a converted file. */
export interface ConvertedSource {
  readonly format: SourceFormat;
  readonly pages?: number;
  readonly lines: readonly SourceLine[];
}

/** Where a position of the converted text came from: the table cell under it, else its line. */
export function sourceAt(source: ConvertedSource, range: Range): SourceLocation | undefined {
  const line = source.lines[range.start.line];
  if (!line) return undefined;
  const cell = line.cells?.find((c) => range.start.character >= c.start && range.start.character <= c.end && c.source.cell !== undefined);
  const found = cell?.source ?? line.source;
  return Object.keys(found).length > 0 ? found : undefined;
}
