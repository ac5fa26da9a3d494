/**
 * What a failed conversion says: the code of its one finding and its message. Shared by every front end that
 * converts files (the CLI, the editor, the browser page), so a hostile or broken file reads the same everywhere.
 */
import { overCapArgs } from '../engine';
import type { Message } from '../messages';
import { CONVERT_RESIDENT_MB, CONVERT_TIMEOUT_MS, MAX_FILE_BYTES, MAX_INFLATED_BYTES, MAX_PAGES } from './limits';
import type { ConversionFailed } from './types';

export interface FailureWords {
  /** `report-too-large` for a file over the size cap, else `file-conversion`. */
  readonly code: 'report-too-large' | 'file-conversion';
  readonly message: Message;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export function failureWords(f: ConversionFailed): FailureWords {
  const detail = f.detail ?? '';
  const conversion = (message: Message): FailureWords => ({ code: 'file-conversion', message });
  switch (f.reason) {
    case 'too-large': {
      // `size` or `size/limit` (a cap of its own, as for web pages).
      const [size, limit] = detail.split('/').map(Number);
      return { code: 'report-too-large', message: { key: 'report-too-large', args: { size: mb(size || 0), limit: mb(limit || MAX_FILE_BYTES) } } };
    }
    case 'scanned':
      return conversion({ key: 'file-conversion.scanned', args: { pages: detail } });
    case 'too-many-pages':
      return conversion({ key: 'file-conversion.too-many-pages', args: { pages: detail, limit: MAX_PAGES } });
    case 'inflated-too-large':
      return conversion({ key: 'file-conversion.inflated-too-large', args: { limit: mb(MAX_INFLATED_BYTES) } });
    case 'memory':
      return conversion({ key: 'file-conversion.memory', args: { limit: Number(detail) || CONVERT_RESIDENT_MB } });
    case 'garbage-text':
      return conversion({ key: 'file-conversion.garbage-text', args: { pages: detail } });
    case 'too-much-text':
      return conversion({ key: 'file-conversion.too-much-text', args: overCapArgs(Number(detail)) });
    case 'timeout':
      return conversion({ key: 'file-conversion.timeout', args: { seconds: CONVERT_TIMEOUT_MS / 1000 } });
    case 'corrupt': case 'page-too-large': case 'xml-hostile':
      return conversion({ key: `file-conversion.${f.reason}`, args: { detail: detail || f.reason } });
    case 'legacy-format': case 'ofd-format': case 'unknown-format': case 'encrypted': case 'no-report':
      return conversion({ key: `file-conversion.${f.reason}` });
  }
}
