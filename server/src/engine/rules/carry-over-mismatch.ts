/**
 * carry-over-mismatch (issue 6, spec §8.6). The comparison needs last year's report, which a rule
 * cannot see: it is done by `carryOverFindings` (engine/carry-over.ts) when the check options carry
 * `previous`. This entry gives the code its place in the registry: severity settings, docs, `off`.
 */
import type { Rule } from './types';

export const carryOverMismatch: Rule = {
  code: 'carry-over-mismatch', aliases: [], defaultSeverity: 'info', tags: ['table', 'cross-report'], fix: 'none',
  run() {
    // Nothing to do on one report alone.
  },
};
