/** `--format csv`: the rows of server/src/render/csv.ts (shared with the browser page's export), one per file checked. */
import { formatCsv as formatRows, type CsvFile } from '../../render/csv';
import { countFindings, type FileResult } from '../types';

export { LEAD_COLUMNS, STATUS_LABELS, TRAIL_COLUMNS } from '../../render/csv';

function csvFile(r: FileResult): CsvFile {
  const counts = countFindings(r.findings);
  return { path: r.path, version: r.version, status: r.status, values: r.values, errors: counts.error, warnings: counts.warning };
}

export function formatCsv(results: readonly FileResult[]): string {
  return formatRows(results.map(csvFile));
}
