/**
 * The language client: starts the bundled server over IPC, serves the
 * languages iot-netlint reads, restarts a crashed server a few times and then
 * says so, with the log one click away.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  LanguageClient,
  LanguageClientOptions,
  Message,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

export const CLIENT_ID = 'iotNetlint';
export const CLIENT_NAME = 'IoT Network Lint';

/** The languages whose documents the server analyses (`bicep-params` is the Bicep extension's id for `.bicepparam`; scripts are read by a later front-end). */
export const LANGUAGES = ['json', 'jsonc', 'arm-template', 'bicep', 'bicep-params', 'shellscript', 'powershell', 'azcli'];

/** Crashes within this window count towards the restart limit. */
const CRASH_WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 4;

class RestartLimiter implements ErrorHandler {
  private crashes: number[] = [];

  constructor(private readonly output: vscode.OutputChannel) {}

  error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    if (this.crashes.length <= MAX_RESTARTS) {
      this.output.appendLine(`The IoT Network Lint server stopped; restarting it (${this.crashes.length} of ${MAX_RESTARTS}).`);
      return { action: CloseAction.Restart };
    }
    void vscode.window
      .showErrorMessage(`The IoT Network Lint server crashed ${this.crashes.length} times in three minutes and is not restarted. Its log may say why.`, 'Show Log', 'Restart Server')
      .then((choice) => {
        if (choice === 'Show Log') this.output.show(true);
        if (choice === 'Restart Server') void vscode.commands.executeCommand('iotNetlint.restartServer');
      });
    return { action: CloseAction.DoNotRestart, handled: true };
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel: output,
    errorHandler: new RestartLimiter(output),
    diagnosticCollectionName: CLIENT_ID,
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
