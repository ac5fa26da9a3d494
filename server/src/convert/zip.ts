/**
 * Reading one part of a zip (a DOCX) with a cap on what it inflates to. The size each part declares in the
 * central directory is checked before anything is inflated, and the part is inflated into a buffer of exactly
 * that size, so a zip bomb — honest about its size or not — costs bounded memory and time.
 */
import { unzipSync } from 'fflate';
import { ConversionError } from './types';

export function readZipPart(zip: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter: (file) => {
        if (file.name !== name) return false;
        if (file.originalSize > maxBytes) throw new ConversionError('inflated-too-large', `${name}: ${file.originalSize} bytes`);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ConversionError) throw error;
    throw new ConversionError('corrupt', error instanceof Error ? error.message : String(error));
  }
  return files[name] ?? null;
}
