// What bench/layouts.mjs times: the table parser's competition of layout readers against the first reader alone.
export { parseReport } from '../../server/src/engine/parse/report';
export { readTable } from '../../server/src/engine/parse/tables';
export { LAYOUT_READERS } from '../../server/src/engine/parse/layouts';
export { assessReading } from '../../server/src/engine/parse/confidence';
export { foldText } from '../../server/src/engine/text/normalize';
export { splitLines } from '../../server/src/engine/text/lines';
