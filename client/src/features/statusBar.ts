/** The status bar item: the server's state and the count of findings in the workspace. */
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';

const SOURCE = 'iot-netlint';

export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('iotNetlint.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'IoT Network Lint';
  item.command = 'workbench.actions.view.problems';
  let state = 'starting';

  const update = () => {
    let errors = 0;
    let warnings = 0;
    let infos = 0;
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const d of diagnostics) {
        if (d.source !== SOURCE) continue;
        if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
        else if (d.severity === vscode.DiagnosticSeverity.Information) infos++;
        // Hints (a suppression comment that suppresses nothing) are shown faded in the editor, not counted.
      }
    }
    if (state !== 'running') {
      item.text = state === 'starting' ? '$(loading~spin) IoT Netlint' : '$(circle-slash) IoT Netlint';
      item.tooltip = `IoT Network Lint: server ${state}`;
    } else {
      item.text = `$(shield) IoT Netlint ${errors + warnings + infos === 0 ? '$(check)' : `$(error) ${errors} $(warning) ${warnings}`}`;
      item.tooltip = `IoT Network Lint: ${errors} errors, ${warnings} warnings, ${infos} infos in the workspace`;
    }
  };

  context.subscriptions.push(
    item,
    vscode.languages.onDidChangeDiagnostics(update),
    client.onDidChangeState((e) => {
      state = e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped';
      update();
    }),
  );
  update();
  item.show();
  return item;
}
