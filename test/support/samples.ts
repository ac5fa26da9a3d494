/** The bundled real reports, shared by every test suite (never edited: copy one to change it). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const SAMPLES = join(ROOT, 'samples');
export const SAMPLE = {
  s000: '000_4be19b291208bb33.txt',
  s001: '001_4bbec81685d80308.txt',
  s002: '002_931eb61caecda62d.txt',
  s003: '003_8cda5f95bd011878.txt',
  s004: '004_fcebe1c6f102ee17.txt',
} as const;

export const sampleText = (name: string): string => readFileSync(join(SAMPLES, name), 'utf8');
