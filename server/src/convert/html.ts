/**
 * A saved web page (UTF-8, or GBK/GB2312/GB18030 as its meta charset says) to report text. Block elements
 * become lines; a `<table>` becomes TAB rows honouring rowspan and colspan (grid.ts); `&nbsp;` cells are empty;
 * scripts, styles, forms and the site's navigation, header and footer are dropped.
 */
import * as iconv from 'iconv-lite';
import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';
import { layOut, type WrittenRow } from './grid';
import { MAX_HTML_BYTES, MAX_NESTING } from './limits';
import { squeeze, TextBuilder } from './output';
import { joinPieces } from './text-join';
import { ConversionError, type Converted } from './types';

type Node = T.ChildNode;
type Element = T.Element;

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'header', 'footer', 'aside', 'iframe', 'form', 'select', 'button', 'svg', 'object', 'embed', 'map']);
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main',
  'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'hr', 'body', 'caption',
]);
/** Site chrome by its class or id: navigation bars, menus, breadcrumbs, footers, share buttons. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|breadcrumb|crumb|sidebar|share|toolbar|topbar|copyright)(?:$|[\s_-])/i;

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function isElement(n: Node | T.ParentNode): n is Element {
  return 'tagName' in n;
}

/** The charset a page declares: BOM first, then a `<meta>` in its opening bytes. */
export function declaredCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

export function decodeHtml(bytes: Uint8Array): string {
  const charset = declaredCharset(bytes);
  const buf = Buffer.from(bytes);
  if (charset && /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/.test(charset)) return iconv.decode(buf, 'gb18030');
  if (charset === 'utf-16le' || charset === 'utf-16be') return iconv.decode(buf, charset);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Undeclared and not UTF-8: Chinese sites of that kind write GBK.
    return iconv.decode(buf, 'gb18030');
  }
}

class Walker {
  readonly out = new TextBuilder();
  private pieces: string[] = [];
  private piecePath = '';
  private tables = 0;

  /** Each element's path, built from its parent's: every path costs one step, not a walk to the root. */
  private readonly paths = new WeakMap<Element, string>();
  /** Each element's 1-based index among its parent's children of the same tag, counted once per parent. */
  private readonly indexes = new WeakMap<Element, number>();

  private indexOf(el: Element): number {
    let index = this.indexes.get(el);
    if (index === undefined) {
      const counts = new Map<string, number>();
      for (const c of el.parentNode?.childNodes ?? [el]) {
        if (!isElement(c)) continue;
        const n = (counts.get(c.tagName) ?? 0) + 1;
        counts.set(c.tagName, n);
        this.indexes.set(c, n);
      }
      index = this.indexes.get(el) ?? 1;
    }
    return index;
  }

  /** `body>div[2]>p[1]`: the element's path, 1-based among siblings with the same tag. */
  private pathOf(el: Element): string {
    if (el.tagName === 'html') return '';
    let path = this.paths.get(el);
    if (path === undefined) {
      const parent = el.parentNode && isElement(el.parentNode) ? this.pathOf(el.parentNode) : '';
      const own = el.tagName === 'body' ? 'body' : `${el.tagName}[${this.indexOf(el)}]`;
      path = parent === '' ? own : `${parent}>${own}`;
      this.paths.set(el, path);
    }
    return path;
  }

  private flush(): void {
    const text = squeeze(this.pieces.join(''));
    if (text !== '') this.out.line(text, { path: this.piecePath });
    this.pieces = [];
    this.piecePath = '';
  }

  walk(node: Node | T.ParentNode, depth: number): void {
    if (depth > MAX_NESTING) throw new ConversionError('xml-hostile', `nesting deeper than ${MAX_NESTING}`);
    if (node.nodeName === '#text') {
      const value = (node as T.TextNode).value;
      if (value.trim() !== '' && this.piecePath === '' && node.parentNode && isElement(node.parentNode)) this.piecePath = this.pathOf(node.parentNode);
      this.pieces.push(value);
      return;
    }
    if (!('childNodes' in node)) return;
    if (isElement(node)) {
      const tag = node.tagName;
      if (SKIPPED.has(tag)) return;
      const tagged = `${attr(node, 'class') ?? ''} ${attr(node, 'id') ?? ''}`;
      if (CHROME.test(tagged) || /display\s*:\s*none/i.test(attr(node, 'style') ?? '')) return;
      if (tag === 'br') {
        this.flush();
        return;
      }
      if (tag === 'table') {
        this.flush();
        this.table(node, depth);
        return;
      }
      if (BLOCKS.has(tag)) {
        this.flush();
        for (const c of node.childNodes) this.walk(c, depth + 1);
        this.flush();
        return;
      }
    }
    for (const c of node.childNodes) this.walk(c, depth + 1);
  }

  /** The rows of this table, not of tables nested in its cells. */
  private rowsOf(table: Element): Element[] {
    const rows: Element[] = [];
    const visit = (el: Element) => {
      for (const c of el.childNodes) {
        if (!isElement(c)) continue;
        if (c.tagName === 'tr') rows.push(c);
        else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') visit(c);
      }
    };
    visit(table);
    return rows;
  }

  /** A cell's text: its paragraphs and line breaks joined as one wrapped cell; nested tables flattened. */
  private cellText(el: Element, depth: number): string {
    const pieces: string[] = [];
    let current = '';
    const visit = (n: Node, d: number) => {
      if (d > MAX_NESTING) throw new ConversionError('xml-hostile', `nesting deeper than ${MAX_NESTING}`);
      if (n.nodeName === '#text') {
        current += (n as T.TextNode).value;
        return;
      }
      if (!isElement(n) || SKIPPED.has(n.tagName)) return;
      const block = n.tagName === 'br' || BLOCKS.has(n.tagName) || n.tagName === 'tr' || n.tagName === 'td' || n.tagName === 'th';
      if (block) {
        pieces.push(current);
        current = '';
      }
      for (const c of n.childNodes) visit(c, d + 1);
      if (block) {
        pieces.push(current);
        current = '';
      }
    };
    for (const c of el.childNodes) visit(c, depth + 1);
    pieces.push(current);
    return joinPieces(pieces.map(squeeze));
  }

  private table(table: Element, depth: number): void {
    const index = this.tables++;
    const rows: WrittenRow[] = this.rowsOf(table).map((tr, r) => {
      const cells = tr.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
      return {
        source: { table: index, row: r, path: this.pathOf(tr) },
        cells: cells.map((td, c) => ({
          text: this.cellText(td, depth),
          rowSpan: Number.parseInt(attr(td, 'rowspan') ?? '1', 10) || 1,
          colSpan: Number.parseInt(attr(td, 'colspan') ?? '1', 10) || 1,
          source: { table: index, row: r, cell: c, path: this.pathOf(td) },
        })),
      };
    });
    this.out.blank();
    for (const row of layOut(rows)) this.out.row(row.cells, row.source);
    this.out.blank();
  }
}

export function convertHtml(bytes: Uint8Array): Converted {
  // A page is parsed whole into a tree: one far larger than any report page is refused before parsing.
  if (bytes.length > MAX_HTML_BYTES) throw new ConversionError('too-large', `${bytes.length}/${MAX_HTML_BYTES}`);
  const doc = parse(decodeHtml(bytes));
  const walker = new Walker();
  walker.walk(doc, 0);
  const { text, lines } = walker.out.result();
  return { kind: 'converted', format: 'html', text, lines };
}
