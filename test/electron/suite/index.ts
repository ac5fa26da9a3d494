/**
 * Entry point of the extension-host suite (@vscode/test-electron calls `run`). Runs the scenarios in order,
 * prints one line each and the closing count, and fails the run if any failed.
 */
import * as vscode from 'vscode';
import { scenarios } from './scenarios';

export async function run(): Promise<void> {
  const dir = process.env.XXGK_ELECTRON_FILES;
  if (!dir) throw new Error('XXGK_ELECTRON_FILES is not set (run through test/electron/run.mjs)');
  const extension = vscode.extensions.getExtension('xxgk-report.xxgk-report');
  if (!extension) throw new Error('the extension under test is not loaded');
  let passed = 0;
  let failed = 0;
  for (const s of scenarios(dir)) {
    const started = Date.now();
    try {
      await s.run();
      passed++;
      console.log(`  ✔ ${s.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  ✖ ${s.name}\n    ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  }
  console.log(`${process.env.XXGK_ELECTRON_MODE ?? ''}: ${passed} passed, ${failed} failed`);
  if (!extension.isActive) throw new Error('the extension never activated');
  if (failed > 0) throw new Error(`${failed} scenario(s) failed`);
}
