/** (d) Space-aligned columns: cells apart by two or more spaces, empty header cells dropped. */
import { cell, plainHeading, plainTitle, renderReport, type Seg } from './builder';
import type { LayoutRenderer } from './types';

export const spacedLayout: LayoutRenderer = {
  id: 'spaced',
  title: 'space-aligned columns',
  blankAsZero: false,
  render: (model, rng) => renderReport(model, rng, {
    title: plainTitle,
    heading: plainHeading,
    table(b, table) {
      const inline = rng.chance(0.5);
      const row = (segs: Seg[]) => {
        const out: Seg[] = [];
        segs.forEach((s, i) => out.push(i ? rng.spaces(2, 6) : '', s));
        b.line(...out);
      };
      for (const r of table.rows) {
        if (r.kind === 'caption') row([r.text]);
        else if (r.kind === 'header') row(r.cells.filter((x) => x));
        else {
          const opened = r.groups.filter((g) => g.first).map((g) => g.label);
          if (!inline) for (const g of opened) row([g]);
          const labels = r.label ? (inline ? [...opened, r.label] : [r.label]) : [];
          row([...labels, ...r.cells.map((x, i) => cell(r.key, i, x))]);
        }
      }
      b.line('');
    },
  }),
};
