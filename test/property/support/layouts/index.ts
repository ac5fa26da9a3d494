/** Every layout the metamorphic suite renders a report into; adding one is a file and a line here. */
import { cellsLayout } from './cells';
import { glyphLayout } from './glyphs';
import { ocrMarkdownLayout } from './ocr-markdown';
import { pdfLayoutLayout } from './pdf-layout';
import { pipeLayout } from './pipe';
import { readingOrderLayout } from './reading-order';
import { spacedLayout } from './spaced';
import { tabLayout } from './tab';
import type { LayoutId, LayoutRenderer } from './types';
import { webTabLayout } from './web-tab';

const PLAIN: readonly LayoutRenderer[] = [
  tabLayout, pipeLayout, cellsLayout, spacedLayout, pdfLayoutLayout, readingOrderLayout, ocrMarkdownLayout, webTabLayout,
];

export const LAYOUT_RENDERERS: readonly LayoutRenderer[] = [...PLAIN, glyphLayout(PLAIN)];

export function layoutById(id: LayoutId): LayoutRenderer {
  const l = LAYOUT_RENDERERS.find((x) => x.id === id);
  if (!l) throw new Error(`no layout ${id}`);
  return l;
}

export { tabLayout };
export type { LayoutId, LayoutRenderer, RenderedReport, ReportModel } from './types';
