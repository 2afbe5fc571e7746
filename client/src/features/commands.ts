/** The extension's commands, under the category "IoT Network Lint". */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';

export const COMMANDS = {
  analyzeWorkspace: 'iotNetlint.analyzeWorkspace',
  restartServer: 'iotNetlint.restartServer',
  showOutput: 'iotNetlint.showOutput',
} as const;

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.analyzeWorkspace, async () => {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'IoT Network Lint: analysing the workspace' },
        () => client.sendRequest<{ files: number; findings: number }>('iotNetlint/analyzeWorkspace'),
      );
      output.appendLine(`Analysed ${result.files} files: ${result.findings} findings.`);
      return result;
    }),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      output.appendLine('Restarting the server.');
      await client.restart();
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
  );
}
