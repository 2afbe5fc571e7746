/** The extension: wires the language client, the status bar and the commands; nothing else happens here. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './features/commands';
import { registerStatusBar } from './features/statusBar';
import { CLIENT_NAME, createLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

export interface Api {
  client: LanguageClient;
  /** How long `activate` took, in milliseconds (the server starts after it, in the background). */
  activationMs: number;
  /** Resolves when the server is running. */
  ready: Promise<void>;
}

export function activate(context: vscode.ExtensionContext): Api {
  const started = performance.now();
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);
  registerStatusBar(context, client);
  registerCommands(context, client, output);
  // Activation does not wait for the server: the editor stays responsive while it starts.
  const ready = client.start().catch((error: Error) => output.error(`The server did not start: ${error.message}`));
  return { client, activationMs: performance.now() - started, ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
