/**
 * The `xxgk-check` task type: runs the bundled CLI on the given paths (default: the workspace folder) with
 * `--format compact`, whose lines the `$xxgk-check` problem matcher (package.json) turns into Problems.
 * A task in tasks.json may also run `npx xxgk-check --format compact …` itself with `"problemMatcher": "$xxgk-check"`.
 */
import * as vscode from 'vscode';
import { taskArguments, TASK_TYPE } from './task-arguments';

function taskFor(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, def: vscode.TaskDefinition): vscode.Task | undefined {
  const args = taskArguments(def);
  if (!args) return undefined;
  const execution = new vscode.ProcessExecution(process.execPath, [context.asAbsolutePath('dist/cli.js'), ...args], {
    cwd: folder.uri.fsPath,
    // The extension host's Node runs the CLI as plain Node.
    env: { ELECTRON_RUN_AS_NODE: '1' },
  });
  const task = new vscode.Task(def, folder, vscode.l10n.t('check the annual reports'), TASK_TYPE, execution, '$xxgk-check');
  task.group = vscode.TaskGroup.Test;
  return task;
}

export function registerTaskProvider(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === 'file')
      .map((f) => taskFor(context, f, { type: TASK_TYPE }))
      .filter((t): t is vscode.Task => t !== undefined),
    resolveTask: (task) => {
      const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
      return folder ? taskFor(context, folder, task.definition) : undefined;
    },
  });
}
