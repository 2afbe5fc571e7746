// A second real LSP client: headless Neovim (0.7.2 on Debian 12; vim.lsp.start_client and
// vim.lsp.buf_attach_client, since vim.lsp.start only arrived in 0.8). Neovim opens the file,
// starts the server command, attaches it to the buffer and writes what the server sends
// (publishDiagnostics, log and show messages) as JSON lines to a file, then quits.
import * as fs from 'fs';
import * as path from 'path';
import { formatMs, keepData, log, mkdirp, rmrf, run, tempDir, which } from './util';

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspDiagnostic {
  range: { start: LspPosition; end: LspPosition };
  severity?: 1 | 2 | 3 | 4;
  code?: string | number;
  source?: string;
  message: string;
  relatedInformation?: unknown[];
  [key: string]: unknown;
}
export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

export interface NeovimLspOptions {
  /** The server command, e.g. [process.execPath, 'server.js', '--stdio']. */
  serverCommand: string[];
  /** The file to open. */
  file: string;
  /** languageId sent in didOpen; default from the file extension (json, jsonc, bicep...) else 'plaintext'. */
  languageId?: string;
  /** root_dir of the client (rootUri / workspace folder); default the file's folder. */
  rootDir?: string;
  /** initializationOptions of the initialize request. */
  initializationOptions?: unknown;
  /** Answer to workspace/configuration (Neovim looks items up by section in this table). */
  settings?: Record<string, unknown>;
  /**
   * Neovim quits this long after the first publishDiagnostics for the file that matches
   * (default 300 ms), to collect a follow-up publish.
   */
  settleMs?: number;
  /** Ignore publishes with an empty list for the file (default true). */
  waitForNonEmpty?: boolean;
  /** Default 20 s. */
  timeoutMs?: number;
  /** Default: nvim on PATH. */
  nvimPath?: string;
  /** Extra environment for Neovim and so for the server. */
  env?: NodeJS.ProcessEnv;
  /** Working folder of Neovim and the server (relative paths in serverCommand); default process.cwd(). */
  cwd?: string;
}

export interface NeovimLspEvent {
  event: string;
  [key: string]: unknown;
}

export interface NeovimLspResult {
  /** Diagnostics of the last publish for the opened file. */
  diagnostics: LspDiagnostic[];
  /** Every publishDiagnostics notification, in order. */
  publishes: PublishDiagnosticsParams[];
  /** Everything the Lua script recorded (initialized, publishDiagnostics, logMessage, serverExit, timeout...). */
  events: NeovimLspEvent[];
  /** The URI Neovim used for the file. */
  uri: string;
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  /** Neovim's own output and its LSP log (server stderr lands there), for diagnosing failures. */
  stdout: string;
  stderr: string;
  lspLog: string;
}

const LANGUAGE_IDS: Record<string, string> = {
  '.json': 'json',
  '.jsonc': 'jsonc',
  '.bicep': 'bicep',
  '.bicepparam': 'bicep-params',
  '.kql': 'kusto',
  '.csl': 'kusto',
  '.yaml': 'yaml',
  '.yml': 'yaml',
};

/** The Lua side; reads its configuration from the JSON file named by E2E_NVIM_CONFIG. */
export const NEOVIM_LSP_SCRIPT = String.raw`
local cfg = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('E2E_NVIM_CONFIG')), '\n'))
local out = assert(io.open(cfg.output, 'a'))
local done = false

local function emit(obj)
  if done then return end
  out:write(vim.fn.json_encode(obj) .. '\n')
  out:flush()
end

local function finish(code)
  if done then return end
  emit({ event = 'finish', code = code })
  done = true
  out:close()
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit ' .. code) end
end

vim.lsp.set_log_level(cfg.logLevel or 'warn')

-- The init script runs before the file's buffer is loaded; attaching must wait for VimEnter.
local function start()
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  emit({ event = 'opened', uri = uri, bufnr = bufnr })
  local matched = false

  local handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.schedule(function()
        emit({ event = 'publishDiagnostics', params = result })
        if matched or result == nil or result.uri ~= uri then return end
        if cfg.waitForNonEmpty and #result.diagnostics == 0 then return end
        matched = true
        vim.defer_fn(function() finish(0) end, cfg.settleMs)
      end)
    end,
    ['window/logMessage'] = function(err, result)
      vim.schedule(function() emit({ event = 'logMessage', params = result }) end)
    end,
    ['window/showMessage'] = function(err, result)
      vim.schedule(function() emit({ event = 'showMessage', params = result }) end)
    end,
  }

  local config = {
    name = 'iot-netlint-e2e',
    cmd = cfg.cmd,
    root_dir = cfg.rootDir,
    handlers = handlers,
    get_language_id = function() return cfg.languageId end,
    on_init = function(client, result)
      vim.schedule(function()
        emit({ event = 'initialized', serverInfo = result and result.serverInfo or vim.NIL })
      end)
    end,
    on_exit = function(code, signal)
      vim.schedule(function()
        emit({ event = 'serverExit', code = code, signal = signal })
        finish(3)
      end)
    end,
  }
  if cfg.settings ~= vim.NIL and cfg.settings ~= nil then config.settings = cfg.settings end
  if cfg.initializationOptions ~= vim.NIL and cfg.initializationOptions ~= nil then
    config.init_options = cfg.initializationOptions
  end

  local ok, client_id = pcall(vim.lsp.start_client, config)
  if not ok or not client_id then
    emit({ event = 'error', message = 'vim.lsp.start_client failed: ' .. tostring(client_id) })
    finish(4)
  else
    vim.lsp.buf_attach_client(bufnr, client_id)
    emit({ event = 'attached', client_id = client_id })
  end
end

vim.api.nvim_create_autocmd('VimEnter', { once = true, callback = start })

vim.defer_fn(function()
  emit({ event = 'timeout' })
  finish(2)
end, cfg.timeoutMs)
`;

/**
 * Opens `file` in headless Neovim with the server attached and returns what the server
 * published. Does not throw when no diagnostics came: check `timedOut` and `events`.
 */
export async function runNeovimLsp(options: NeovimLspOptions): Promise<NeovimLspResult> {
  const nvim = options.nvimPath ?? which('nvim');
  if (!nvim) throw new Error('nvim not found (apt-get install neovim)');
  const file = path.resolve(options.file);
  if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const dir = tempDir('nvim');
  const xdg = (name: string): string => mkdirp(path.join(dir, name));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: xdg('config'),
    XDG_DATA_HOME: xdg('data'),
    XDG_STATE_HOME: xdg('state'),
    XDG_CACHE_HOME: xdg('cache'),
    E2E_NVIM_CONFIG: path.join(dir, 'config.json'),
    ...options.env,
  };
  const output = path.join(dir, 'events.jsonl');
  const script = path.join(dir, 'lsp.lua');
  fs.writeFileSync(script, NEOVIM_LSP_SCRIPT);
  fs.writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({
      cmd: options.serverCommand,
      rootDir: path.resolve(options.rootDir ?? path.dirname(file)),
      languageId: options.languageId ?? LANGUAGE_IDS[path.extname(file).toLowerCase()] ?? 'plaintext',
      settleMs: options.settleMs ?? 300,
      waitForNonEmpty: options.waitForNonEmpty ?? true,
      timeoutMs,
      output,
      settings: options.settings ?? null,
      initializationOptions: options.initializationOptions ?? null,
    }),
  );

  try {
    const result = await run(nvim, ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', script, file], {
      env,
      cwd: options.cwd ?? process.cwd(),
      timeoutMs: timeoutMs + 10_000,
    });
    const events: NeovimLspEvent[] = fs.existsSync(output)
      ? fs
          .readFileSync(output, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as NeovimLspEvent)
      : [];
    const uri = (events.find((e) => e.event === 'opened')?.uri as string | undefined) ?? `file://${file}`;
    const publishes = events
      .filter((e) => e.event === 'publishDiagnostics' && e.params)
      .map((e) => normalisePublish(e.params as PublishDiagnosticsParams));
    const forFile = publishes.filter((p) => p.uri === uri);
    const lspLogFile = path.join(dir, 'cache', 'nvim', 'lsp.log');
    const lspLog = fs.existsSync(lspLogFile) ? fs.readFileSync(lspLogFile, 'utf8') : '';
    const timedOut = result.timedOut || events.some((e) => e.event === 'timeout');
    log(`neovim: ${forFile.length} publish(es) for ${path.basename(file)} in ${formatMs(result.ms)}${timedOut ? ' (timed out)' : ''}`);
    return {
      diagnostics: forFile.length ? forFile[forFile.length - 1].diagnostics : [],
      publishes,
      events,
      uri,
      exitCode: result.code,
      timedOut,
      durationMs: result.ms,
      stdout: result.stdout,
      stderr: result.stderr,
      lspLog,
    };
  } finally {
    if (keepData()) log(`kept Neovim files in ${dir}`);
    else rmrf(dir);
  }
}

/** vim.fn.json_encode turns empty Lua tables into [] and drops nil; undo what matters. */
function normalisePublish(params: PublishDiagnosticsParams): PublishDiagnosticsParams {
  const diagnostics = Array.isArray(params.diagnostics) ? params.diagnostics : [];
  return { ...params, diagnostics };
}
