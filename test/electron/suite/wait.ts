/**
 * Waiting inside the extension host: on `languages.onDidChangeDiagnostics` and document events,
 * each with a timeout that fails the test; never a fixed sleep.
 */
import * as vscode from 'vscode';

export const TIMEOUT_MS = 30_000;

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'xxgk-report');

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** The diagnostics of `uri` once `test` holds for them (checked now and on every change of them). */
export function diagnosticsWhere(
  uri: vscode.Uri, what: string, test: (ds: vscode.Diagnostic[]) => boolean, ms = TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      sub.dispose();
      clearTimeout(timer);
    };
    const check = () => {
      if (done) return;
      const ds = ours(uri);
      if (test(ds)) {
        finish();
        resolve(ds);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${ms} ms waiting for ${what} on ${uri.toString()}; now: ${JSON.stringify(ours(uri).map((d) => [codeOf(d), d.range.start.line, d.range.start.character]))}`));
    }, ms);
    check();
  });
}

/** The open document of `uri` once its language is `languageId` (a language switch reopens the document). */
export function languageBecomes(uri: vscode.Uri, languageId: string, ms = TIMEOUT_MS): Promise<vscode.TextDocument> {
  return new Promise((resolve, reject) => {
    const current = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === languageId);
    const now = current();
    if (now) {
      resolve(now);
      return;
    }
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.uri.toString() === uri.toString() && d.languageId === languageId) {
        sub.dispose();
        clearTimeout(timer);
        resolve(d);
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      reject(new Error(`timed out after ${ms} ms waiting for ${uri.toString()} to become ${languageId} (it is ${doc?.languageId ?? 'closed'})`));
    }, ms);
  });
}
