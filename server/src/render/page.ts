/**
 * What every page we render shares: HTML escaping and the page's head — a strict Content-Security-Policy
 * (nothing loaded from anywhere; only our nonce'd style, and script where the page has one), UTF-8, the title.
 * Used by the compare page (CLI `--format html`, the editor's webview, the browser page) and the table preview.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface PageHead {
  readonly lang: string;
  readonly title: string;
  readonly nonce: string;
  readonly style: string;
  /** Whether a script (carrying the same nonce) may run. */
  readonly script: boolean;
}

/** `<!DOCTYPE html>` through `<body>`: the lines before a page's own content. */
export function pageHead(h: PageHead): string[] {
  const csp = `default-src 'none'; style-src 'nonce-${h.nonce}';${h.script ? ` script-src 'nonce-${h.nonce}';` : ''}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(h.lang)}">`,
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${escapeHtml(h.title)}</title>`,
    `<style nonce="${escapeHtml(h.nonce)}">${h.style}</style>`,
    '</head>',
    '<body>',
  ];
}
