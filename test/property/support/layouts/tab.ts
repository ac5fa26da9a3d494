/** (a) TAB-separated rows, as samples 001–003: group labels on their own line or on their first row. */
import { cell, plainHeading, plainTitle, renderReport, type Seg } from './builder';
import type { LayoutRenderer } from './types';

export const tabLayout: LayoutRenderer = {
  id: 'tab',
  title: 'TAB rows',
  blankAsZero: false,
  render: (model, rng) => renderReport(model, rng, {
    title: plainTitle,
    heading: plainHeading,
    table(b, table) {
      const inline = rng.chance(0.5);
      for (const r of table.rows) {
        if (r.kind === 'caption') b.line(r.text + '\t'.repeat(rng.int(0, 3)));
        else if (r.kind === 'header') b.line(r.cells.join('\t'));
        else {
          const opened = r.groups.filter((g) => g.first).map((g) => g.label);
          if (!inline) for (const g of opened) b.line(g);
          const head = inline ? [...opened, r.label] : [r.label];
          const segs: Seg[] = r.label ? [head.join('\t')] : [];
          r.cells.forEach((x, i) => segs.push(segs.length ? '\t' : '', cell(r.key, i, x)));
          b.line(...segs);
        }
      }
      b.line('');
    },
  }),
};
