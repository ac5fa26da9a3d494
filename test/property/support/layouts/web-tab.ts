/**
 * (h) A web page's table turned into TAB rows (real/04): each `<tr>` a line, rowspan cells written
 * once (a group's label on its first row only), zeros of Tables 2 and 3 written as empty cells.
 */
import { cell, plainHeading, plainTitle, renderReport, type Seg } from './builder';
import type { LayoutRenderer } from './types';

export const webTabLayout: LayoutRenderer = {
  id: 'web-tab',
  title: 'web table as TAB rows, zeros blank',
  blankAsZero: true,
  render: (model, rng) => renderReport(model, rng, {
    title: plainTitle,
    heading: plainHeading,
    table(b, table) {
      const blankZeros = table.id !== 'active';
      for (const r of table.rows) {
        if (r.kind === 'caption') b.line(r.text);
        // Header cells spanning columns appear once, without the empty cells they cover.
        else if (r.kind === 'header') b.line(r.cells.filter((x) => x).join('\t'));
        else {
          const labels = [...r.groups.filter((g) => g.first).map((g) => g.label), ...(r.label ? [r.label] : [])];
          const segs: Seg[] = labels.length ? [labels.join('\t')] : [];
          r.cells.forEach((x, i) => {
            const text = blankZeros && Number(x) === 0 ? '' : x;
            segs.push(segs.length ? '\t' : '', cell(r.key, i, text));
          });
          b.line(...segs);
        }
      }
      if (rng.chance(0.5)) b.line('');
    },
  }),
};
