/**
 * Quick fixes from the cached findings of the version the client's diagnostics came from: a safe
 * fix is preferred, suggestions never are, then "ignore in .xxgkrc.json", then "open docs";
 * `source.fixAll.xxgk-report` applies only the safe fixes, without overlaps. Edits are the engine's own spans, stamped
 * with the document version; when the client's diagnostics belong to another version there are no actions at all.
 */
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { configTarget, ignoreInsertion, suppressionFor, type ConfigFileAccess } from '../config/ignore-entry';
import type { SuppressionSubject } from '../config/suppress';
import { nonOverlapping, type Finding, type Fix } from '../engine';
import { format, type Locale } from '../messages';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, isDiagnosticData, OPEN_RULE_DOCS_COMMAND } from '../protocol';
import type { DocumentChecker } from './checker';
import { rangeOfSpan, toIgnoreEdit, toTextEdits, versionedEdit, type EditCapabilities } from './to-lsp';

/** Where the "ignore" action looks for and writes `.xxgkrc.json`, and what the client can apply. */
export type IgnoreEnvironment = ConfigFileAccess & EditCapabilities;

/** Whether an action of `kind` is wanted by a request limited to `only` (kinds are dot-separated hierarchies). */
export function kindWanted(kind: string, only: readonly string[] | undefined): boolean {
  return only === undefined || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

const sameRange = (a: Diagnostic['range'], b: Diagnostic['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character
  && a.end.line === b.end.line && a.end.character === b.end.character;

export class CodeActionsFeature {
  constructor(
    private readonly checker: DocumentChecker,
    private readonly locale: Locale,
    private readonly docsHref: (code: string) => string,
    private readonly ignoreEnv: IgnoreEnvironment,
  ) {}

  async actions(params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
    const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const found = await this.checker.checkedDocument(params.textDocument.uri, token);
    if (!found) return [];
    const { document, checked, resolved } = found;
    // Diagnostics of another version describe another text: their ranges cannot be trusted.
    if (ours.some((d) => isDiagnosticData(d.data) && d.data.version !== document.version)) return [];
    const actions: CodeAction[] = [];
    if (kindWanted(CodeActionKind.QuickFix, params.context.only)) {
      for (const diagnostic of ours) {
        const finding = checked.findings
          .find((f) => f.code === diagnostic.code && sameRange(rangeOfSpan(document, f.span), diagnostic.range));
        if (finding) actions.push(...this.forFinding(document, finding, diagnostic, resolved.subject));
      }
    }
    if (kindWanted(FIX_ALL_KIND, params.context.only)) {
      const fixAll = this.fixAll(document, checked.findings);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }

  private forFinding(document: TextDocument, finding: Finding, diagnostic: Diagnostic, subject: SuppressionSubject): CodeAction[] {
    const out: CodeAction[] = [];
    if (finding.fix) {
      out.push({
        title: finding.fix.title, kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics: [diagnostic],
        edit: versionedEdit(document, toTextEdits(document, finding.fix.edits)),
      });
    }
    for (const s of finding.suggestions) {
      out.push({
        title: s.title, kind: CodeActionKind.QuickFix, isPreferred: false, diagnostics: [diagnostic],
        edit: versionedEdit(document, toTextEdits(document, s.edits)),
      });
    }
    const ignore = this.ignoreAction(finding, diagnostic, subject);
    if (ignore) out.push(ignore);
    const title = format({ key: 'fix.openDocs', args: { code: finding.code } }, this.locale);
    out.push({
      title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
      command: { title, command: OPEN_RULE_DOCS_COMMAND, arguments: [this.docsHref(finding.code)] },
    });
    return out;
  }

  /** Silences the finding from outside the report: an `ignore` entry in the `.xxgkrc.json` the checker reads. */
  private ignoreAction(finding: Finding, diagnostic: Diagnostic, subject: SuppressionSubject): CodeAction | undefined {
    const target = configTarget(subject, this.ignoreEnv);
    if (!target) return undefined;
    const insertion = ignoreInsertion(target, suppressionFor(finding, subject, target.path));
    const edit = insertion && toIgnoreEdit(insertion, this.ignoreEnv);
    if (!edit) return undefined;
    return { title: format({ key: 'fix.ignore', args: { code: finding.code } }, this.locale), kind: CodeActionKind.QuickFix, isPreferred: false, diagnostics: [diagnostic], edit };
  }

  /**
   * Every safe fix of the version, each whole or not at all: a fix overlapping one already taken (text order,
   * the first wins) is left out. Suggestions never.
   */
  private fixAll(document: TextDocument, findings: readonly Finding[]): CodeAction | undefined {
    let kept: Fix['edits'][number][] = [];
    let count = 0;
    for (const f of findings) {
      if (!f.fix || f.fix.edits.length === 0) continue;
      // Two fixes may write the same cell with the same value (a blank part and its blank total are written
      // together by each of their fixes): an edit already taken is not a conflict.
      const taken = (e: Fix['edits'][number]) => kept.some((k) => k.span.start === e.span.start && k.span.end === e.span.end && k.newText === e.newText);
      const fresh = f.fix.edits.filter((e) => !taken(e));
      const next = nonOverlapping([...kept, ...fresh]);
      if (next.length !== kept.length + fresh.length) continue;
      kept = next;
      count++;
    }
    if (count === 0) return undefined;
    return {
      title: format({ key: 'fix.all', args: { count } }, this.locale),
      kind: FIX_ALL_KIND,
      edit: versionedEdit(document, toTextEdits(document, kept)),
    };
  }
}
