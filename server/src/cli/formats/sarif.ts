/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning tools. Positions are 1-based lines and columns counted in
 * UTF-16 code units (`columnKind`), the same units as the engine's offsets. The log is uploaded and shared, so
 * it names no path of the machine that ran it: files are relative to the working folder under `%SRCROOT%`
 * (which the consumer resolves to its checkout), and rule pages are linked only when the package has a public
 * homepage. Safe fixes travel as SARIF `fixes`. For a published file (PDF, DOCX, HTML) the
 * lines and columns are those of its converted text, and the region's property bag holds `source`: the page
 * and box, the table cell or the element path in the original.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES, type Finding, type Range, type Severity } from '../../engine';
import { CLI_CODES } from '../../files/codes';
import { toPosix } from '../config';
import { publicRuleDocUrl, TOOL_NAME, TOOL_VERSION } from '../package-info';
import type { FileResult } from '../types';
import { sourceAt } from '../../files/converted';
import { loadDescriptions } from './descriptions';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
  readonly cwd: string;
  readonly locale: 'zh-CN' | 'en';
  /** The public homepage (package.json `homepage`): `informationUri`, and the base of each rule's `helpUri`. */
  readonly homepage?: string;
}

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/**
 * Relative to the working folder under `%SRCROOT%`, each segment percent-encoded; a file outside it climbs with
 * `..` (on another Windows drive, where no relative path exists, its path without the drive).
 */
function artifactLocation(abs: string, cwd: string, index: number) {
  const rel = toPosix(relative(cwd, abs)).replace(/^[A-Za-z]:\//, '');
  return { uri: rel.split('/').map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/'), uriBaseId: '%SRCROOT%', index };
}

function convertedRegion(r: FileResult, range: Range) {
  const source = r.converted ? sourceAt(r.converted, range) : undefined;
  return source ? { ...region(range), properties: { source } } : region(range);
}

export function formatSarif(results: readonly FileResult[], o: SarifOptions): string {
  const rules: { readonly id: string; readonly severity: Severity; readonly tags: readonly string[] }[] = [
    ...RULES.map((r) => ({ id: r.code, severity: r.defaultSeverity, tags: r.tags })),
    // A rule that threw: one finding under this code (docs/rules/internal-error.md).
    { id: 'internal-error', severity: 'error', tags: ['engine'] },
    ...CLI_CODES.map((c) => ({ id: c.code, severity: c.defaultSeverity, tags: ['input'] })),
  ];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const descriptions = loadDescriptions();
  const artifacts: { location: ReturnType<typeof artifactLocation>; encoding?: string }[] = results.map((r, i) => ({
    location: artifactLocation(r.abs, o.cwd, i),
    ...(r.encoding ? { encoding: r.encoding } : {}),
  }));
  const artifactIndex = new Map(results.map((r, i) => [r.abs, i]));
  /** The artifact of another file (last year's report), added to `artifacts` when it was not checked itself. */
  const otherLocation = (abs: string) => {
    let index = artifactIndex.get(abs);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(abs, index);
      artifacts.push({ location: artifactLocation(abs, o.cwd, index) });
    }
    return artifactLocation(abs, o.cwd, index);
  };
  const relatedLocation = (r: FileResult, location: ReturnType<typeof artifactLocation>, uri: string | undefined) => {
    if (uri === undefined) return location;
    if (uri === r.previous?.uri) return otherLocation(r.previous.abs);
    return uri.startsWith('file:') ? otherLocation(fileURLToPath(uri)) : { uri };
  };

  const result = (r: FileResult, fileIndex: number, f: Finding) => {
    const location = artifactLocation(r.abs, o.cwd, fileIndex);
    const index = ruleIndex.get(f.code);
    return {
      ruleId: f.code,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: convertedRegion(r, f.range) } }],
      ...(f.related.length ? {
        relatedLocations: f.related.map((x, id) => ({
          id,
          message: { text: x.message },
          physicalLocation: { artifactLocation: relatedLocation(r, location, x.uri), region: region(x.range) },
        })),
      } : {}),
      ...(f.fix ? {
        fixes: [{
          description: { text: f.fix.title },
          artifactChanges: [{
            artifactLocation: location,
            replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
          }],
        }],
      } : {}),
      ...(f.target ? { properties: { target: f.target } } : {}),
    };
  };

  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version: TOOL_VERSION,
          semanticVersion: TOOL_VERSION,
          ...(o.homepage ? { informationUri: o.homepage } : {}),
          language: o.locale === 'en' ? 'en-US' : 'zh-CN',
          rules: rules.map((r) => ({
            id: r.id,
            shortDescription: { text: descriptions.get(r.id)?.[o.locale] ?? r.id },
            ...(o.homepage ? { helpUri: publicRuleDocUrl(r.id, o.homepage) } : {}),
            defaultConfiguration: { level: LEVEL[r.severity] },
            properties: { tags: [...r.tags] },
          })),
        },
      },
      invocations: [{ executionSuccessful: true }],
      artifacts,
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((r, i) => r.findings.map((f) => result(r, i, f))),
    }],
  };
  return JSON.stringify(log, null, 2);
}
