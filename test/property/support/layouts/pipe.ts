/** (b) `|`-separated rows (sample 004, markdown tables): optional outer pipes and a rule row. */
import { cell, plainHeading, plainTitle, renderReport, type Seg } from './builder';
import type { LayoutRenderer } from './types';

export const pipeLayout: LayoutRenderer = {
  id: 'pipe',
  title: '| rows',
  blankAsZero: false,
  render: (model, rng) => renderReport(model, rng, {
    title: plainTitle,
    heading: plainHeading,
    table(b, table) {
      const sep = rng.chance(0.5) ? ' | ' : '|';
      const lead = rng.chance(0.5) ? sep.trimStart() : '';
      const trail = rng.chance(0.5) ? sep.trimEnd() : '';
      const inline = rng.chance(0.5);
      let ruled = !rng.chance(0.5);
      const row = (segs: Seg[], width: number) => {
        const out: Seg[] = [lead];
        segs.forEach((s, i) => out.push(i ? sep : '', s));
        b.line(...out, trail);
        if (!ruled) {
          ruled = true;
          b.line(lead + Array(width).fill('---').join('|') + trail);
        }
      };
      for (const r of table.rows) {
        if (r.kind === 'caption') row([r.text, '', '', ''], 4);
        else if (r.kind === 'header') row([...r.cells], r.cells.length);
        else {
          const opened = r.groups.filter((g) => g.first).map((g) => g.label);
          if (!inline) for (const g of opened) row([g], 1);
          const labels = r.label ? (inline ? [...opened, r.label] : [r.label]) : [];
          row([...labels, ...r.cells.map((x, i) => cell(r.key, i, x))], labels.length + r.cells.length);
        }
      }
      b.line('');
    },
  }),
};
