/**
 * What a conversion gives: report text with tables as TAB rows, and for each line of it where it came from in
 * the published file, so that a finding on a line and column can name the page, the table cell or the element.
 */

export type SourceFormat = 'pdf' | 'docx' | 'html';

/** A rectangle on a PDF page in points, origin at the page's top left (as a viewer shows it). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where a piece of converted text came from. Every field is optional: each format fills what it knows. */
export interface SourceLocation {
  /** PDF: 1-based page number. */
  readonly page?: number;
  /** PDF: the text's rectangle on the page. */
  readonly box?: Box;
  /** DOCX: 0-based index of the paragraph among the body's paragraphs (outside tables). */
  readonly paragraph?: number;
  /**
   * DOCX, PDF and HTML: 0-based table index, row and cell (the cell as written, merged cells counted once). In a
   * PDF, a table broken across pages counts as one table per page, rows counted from the top of that page.
   */
  readonly table?: number;
  readonly row?: number;
  readonly cell?: number;
  /** HTML: the element path, `body>div[2]>table[1]>tr[5]>td[3]` (1-based among siblings of that name). */
  readonly path?: string;
}

/** A cell of a TAB row: UTF-16 offsets into its line. */
export interface SourceCell {
  readonly start: number;
  readonly end: number;
  readonly source: SourceLocation;
}

/** One converted line: where the line came from, and for a table row where each of its cells came from. */
export interface SourceLine {
  readonly source: SourceLocation;
  readonly cells?: readonly SourceCell[];
}

export interface Converted {
  readonly kind: 'converted';
  readonly format: SourceFormat;
  readonly text: string;
  /** One entry per line of `text` (lines split at `\n`). */
  readonly lines: readonly SourceLine[];
  /** PDF: number of pages. */
  readonly pages?: number;
}

/** Why a file gives no report text. Each reason is one finding with its own message. */
export type FailureReason =
  | 'legacy-format' // .doc, .wps, .et…: binary office formats not read here
  | 'ofd-format' // .ofd (GB/T 33190, a zip of XML pages): not supported yet
  | 'unknown-format' // not a PDF, DOCX or HTML file at all
  | 'scanned' // a PDF without a text layer: OCR needed
  | 'encrypted' // password-protected PDF or DOCX
  | 'corrupt' // damaged, truncated, not what its name says
  | 'no-report' // readable, but holds no report text (an empty page, a site's index page)
  | 'too-many-pages'
  | 'page-too-large'
  | 'inflated-too-large' // a zip whose contents inflate past the cap (zip bomb)
  | 'xml-hostile' // entity declarations or nesting past the cap
  | 'timeout'
  | 'memory' // the converter's resident memory went past its cap (a stream that inflates enormously)
  | 'garbage-text' // a PDF text layer of glyphs without a usable character mapping
  | 'too-much-text' // far more text than any report (a DOCX holding megabytes of text)
  | 'too-large'; // the file itself is over the size cap: `report-too-large`

export interface ConversionFailed {
  readonly kind: 'failed';
  readonly format: SourceFormat | null;
  readonly reason: FailureReason;
  /** Extra words for the message (a library's error, the size); never shown as the whole message. */
  readonly detail?: string;
}

export type Conversion = Converted | ConversionFailed;

export class ConversionError extends Error {
  constructor(readonly reason: FailureReason, detail?: string) {
    super(detail ?? reason);
  }
}
