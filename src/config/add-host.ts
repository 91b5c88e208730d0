/**
 * Adds one host to the YAML config in place, through the yaml package's Document API, so the comments
 * and layout of the rest of the file stay as the owner wrote them. The result is validated as a whole
 * config before anything is written.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseDocument, isSeq } from 'yaml';
import { ConfigError } from '../errors.js';
import type { HostConfig } from './hosts-schema.js';
import { configSchema } from './schema.js';

export type NewHost = Pick<HostConfig, 'name' | 'address' | 'port' | 'user' | 'keyPath'> &
  Partial<Pick<HostConfig, 'hostKey' | 'knownHostsPath' | 'notePath'>>;

/** The config text with the host appended to `hosts:`; throws a ConfigError naming what is wrong. */
export function withHostAdded(text: string, host: NewHost): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new ConfigError(`the config is not valid YAML: ${document.errors[0]!.message}`);
  const existing = document.get('hosts');
  if (existing !== undefined && existing !== null && !isSeq(existing))
    throw new ConfigError(
      'hosts in the config is not a list; make it a list of hosts (see the README, "Adding a host")',
    );
  const names = isSeq(existing)
    ? (existing.toJSON() as Array<{ name?: unknown } | null>).map((entry) => entry?.name)
    : [];
  if (names.includes(host.name))
    throw new ConfigError(`host ${host.name} is already in the config; edit its entry there, or remove it first`);
  const entry = Object.fromEntries(Object.entries(host).filter(([, value]) => value !== undefined));
  if (isSeq(existing)) existing.add(document.createNode(entry));
  else document.set('hosts', document.createNode([entry]));
  const result = String(document);
  const parsed = configSchema.safeParse(parseDocument(result).toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`the new host would make the config invalid: ${issue.path.join('.')}: ${issue.message}`);
  }
  return result;
}

/** Reads the config file (a missing one counts as empty), adds the host and writes it back. */
export function addHostToConfigFile(path: string, host: NewHost): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  writeFileSync(path, withHostAdded(text, host));
}
