import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ConfigError, describeError } from '../errors.js';
import { configSchema, credentialFiles, envOverrides, type Config } from './schema.js';
import { findUnknownKeys } from './unknown-keys.js';

export interface LoadedConfig {
  config: Config;
  /** The file that was read, or null when sysvox runs on defaults. */
  path: string | null;
  /** Config keys that came from the environment, with the variable's name. */
  fromEnv: Record<string, string>;
  /** Config keys that came from systemd credentials, with the credential's file. */
  fromCredentials: Record<string, string>;
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** An explicit path (--config); wins over the search order. */
  path?: string;
}

/** $SYSVOX_CONFIG, then ./sysvox.yaml, then /etc/sysvox/config.yaml; none at all is fine. */
export function findConfigFile(options: LoadConfigOptions = {}): string | null {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.path ?? env.SYSVOX_CONFIG;
  if (explicit) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) {
      throw new ConfigError(
        `config file ${path} does not exist (named by ${options.path ? '--config' : 'SYSVOX_CONFIG'})`,
      );
    }
    refuseIfNotRegularFile(path, options.path ? '--config' : 'SYSVOX_CONFIG');
    return path;
  }
  for (const candidate of [resolve(cwd, 'sysvox.yaml'), '/etc/sysvox/config.yaml']) {
    if (existsSync(candidate)) {
      refuseIfNotRegularFile(candidate, 'the search order');
      return candidate;
    }
  }
  return null;
}

/** A FIFO, a device (/dev/zero) or a directory would hang or fail the read: refuse it before opening it. */
function refuseIfNotRegularFile(path: string, namedBy: string): void {
  const stats = statSync(path);
  if (stats.isFile()) return;
  const kind = stats.isDirectory()
    ? 'a directory'
    : stats.isFIFO()
      ? 'a named pipe (FIFO)'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : 'a socket or other special file';
  throw new ConfigError(
    `config file ${path} (from ${namedBy}) is ${kind}, not a regular file: point --config or SYSVOX_CONFIG at a YAML file`,
  );
}

export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const path = findConfigFile(options);
  const raw = path ? readYaml(path) : {};
  refuseUnknownKeys(raw, path);
  const fromCredentials = readCredentials(raw, env.CREDENTIALS_DIRECTORY);
  const fromEnv: Record<string, string> = {};
  for (const [variable, key] of Object.entries(envOverrides)) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    setPath(raw, key, coerce(value));
    fromEnv[key] = variable;
    delete fromCredentials[key];
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error.issues, path, fromEnv, fromCredentials));
  return { config: parsed.data, path, fromEnv, fromCredentials };
}

/** Sets each secret whose credential file exists (a missing one is fine); returns key -> file. */
function readCredentials(raw: Record<string, unknown>, directory: string | undefined): Record<string, string> {
  const from: Record<string, string> = {};
  if (!directory) return from;
  for (const [name, key] of Object.entries(credentialFiles)) {
    const file = join(directory, name);
    let value: string;
    try {
      value = readFileSync(file, 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ConfigError(`cannot read credential ${file} (for ${key}): ${describeError(error)}`, { cause: error });
    }
    if (value === '') continue;
    setPath(raw, key, value);
    from[key] = file;
  }
  return from;
}

function readYaml(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${describeError(error)}`, { cause: error });
  }
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    const line = first.linePos?.[0]?.line;
    throw new ConfigError(
      `config file ${path}${line ? ` line ${line}` : ''} is not valid YAML: ${first.message.split('\n')[0]}`,
    );
  }
  const value: unknown = document.toJS() ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(
      `config file ${path} must hold a mapping of keys (like "ollama:"), not ${Array.isArray(value) ? 'a list' : typeof value}`,
    );
  }
  return value as Record<string, unknown>;
}

/** Settings that existed once, or that people expect, with why they are gone. */
const removedKeys: Readonly<Record<string, string>> = {
  'channels.telegram.webhook':
    'remove it: sysvox polls Telegram and has no webhook mode; polling needs no public address',
};

function refuseUnknownKeys(raw: Record<string, unknown>, path: string | null): void {
  const unknown = findUnknownKeys(configSchema, raw);
  if (unknown.length === 0) return;
  const advice = (key: string, suggestion: string | undefined) =>
    removedKeys[key] ??
    (suggestion ? `did you mean ${suggestion}?` : 'remove it or check the README for the valid keys');
  const lines = unknown.map(
    ({ key, suggestion }) => `unknown key ${key} in ${path ?? 'the config'}; ${advice(key, suggestion)}`,
  );
  throw new ConfigError(lines.join('\n'));
}

function describeIssues(
  issues: z.core.$ZodIssue[],
  path: string | null,
  fromEnv: Record<string, string>,
  fromCredentials: Record<string, string>,
): string {
  const lines = issues.map((issue) => {
    const key = issue.path.join('.');
    const variable = Object.entries(envOverrides).find(([, mapped]) => mapped === key)?.[0];
    const source = fromEnv[key]
      ? `from environment variable ${fromEnv[key]}`
      : fromCredentials[key]
        ? `from credential ${fromCredentials[key]}`
        : `in ${path ?? 'the defaults'}`;
    const credential = Object.entries(credentialFiles).find(([, mapped]) => mapped === key)?.[0];
    const alternatives = [
      variable && !fromEnv[key] ? `set ${variable}` : undefined,
      credential && !fromCredentials[key] ? `give the service the systemd credential ${credential}` : undefined,
    ].filter(Boolean);
    const hint = alternatives.length ? ` (or ${alternatives.join(', or ')})` : '';
    return `  ${key || '(top level)'}: ${issue.message} ${source}${hint}`;
  });
  return `invalid configuration:\n${lines.join('\n')}`;
}

function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function coerce(value: string): unknown {
  return /^\d+$/.test(value) ? Number(value) : value;
}
