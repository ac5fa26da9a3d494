/** (c) One cell per line after a TAB, rows apart by an empty line (sample 000). */
import { cell, plainHeading, plainTitle, renderReport } from './builder';
import type { LayoutRenderer } from './types';

export const cellsLayout: LayoutRenderer = {
  id: 'cells',
  title: 'one cell per line',
  blankAsZero: false,
  render: (model, rng) => renderReport(model, rng, {
    title: plainTitle,
    heading: plainHeading,
    table(b, table) {
      for (const r of table.rows) {
        if (r.kind === 'caption') b.line('\t' + r.text);
        else if (r.kind === 'header') for (const c of r.cells.filter((x) => x)) b.line('\t' + c);
        else {
          for (let k = rng.int(0, 2); k > 0; k--) b.line('\t');
          for (const g of r.groups.filter((x) => x.first)) b.line('\t' + g.label);
          if (r.label) b.line('\t' + r.label);
          r.cells.forEach((x, i) => b.line('\t', cell(r.key, i, x)));
        }
        b.line('');
      }
    },
  }),
};
