/**
 * Reading one part of a zip (a DOCX) with a cap on what it inflates to. The compressed bytes are fed in small
 * slices so that no single step can inflate more than a few megabytes, and inflation stops at the cap: a zip
 * bomb costs bounded memory and time.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { ConversionError } from './types';

const SLICE = 16 * 1024;

class StopUnzip extends Error {}

export function readZipPart(zip: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let found = false;
  let done = false;
  const unzip = new Unzip((file) => {
    if (file.name !== name || found) return;
    found = true;
    file.ondata = (error, chunk, final) => {
      if (error) throw new ConversionError('corrupt', error.message);
      total += chunk.length;
      if (total > maxBytes) throw new ConversionError('inflated-too-large', `${name} inflates past ${maxBytes} bytes`);
      chunks.push(chunk);
      if (final) {
        done = true;
        throw new StopUnzip();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < zip.length; i += SLICE) unzip.push(zip.subarray(i, i + SLICE), i + SLICE >= zip.length);
  } catch (error) {
    if (!(error instanceof StopUnzip)) {
      if (error instanceof ConversionError) throw error;
      throw new ConversionError('corrupt', error instanceof Error ? error.message : String(error));
    }
  }
  if (!found) return null;
  if (!done) throw new ConversionError('corrupt', `${name} is truncated`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
