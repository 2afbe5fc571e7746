/** The `iotNetlint.*` settings, per resource, as the client reports them. */
import { CloudName, cloudNamed } from '../core/clouds';
import { Level, LEVELS } from '../core/config';

export interface Settings {
  enable: boolean;
  /** Levels that override `.iot-netlint.json`. */
  rules: Record<string, Level>;
  cloud?: CloudName;
  maxFileSize?: number;
  /** Milliseconds between the last keystroke and the analysis. */
  debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = 200;

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, debounceMs: DEFAULT_DEBOUNCE_MS };

/** Reads what the client sent, keeping only what is valid. */
export function readSettings(raw: unknown, fallback: Settings = DEFAULT_SETTINGS): Settings {
  if (!raw || typeof raw !== 'object') return fallback;
  const r = raw as Record<string, unknown>;
  const rules: Record<string, Level> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, level] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.includes(level as Level)) rules[id] = level as Level;
    }
  }
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : fallback.enable,
    rules,
    cloud: typeof r.cloud === 'string' ? cloudNamed(r.cloud)?.name : fallback.cloud,
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : fallback.maxFileSize,
    debounceMs: typeof r.debounceMs === 'number' && r.debounceMs >= 0 ? r.debounceMs : fallback.debounceMs,
  };
}
