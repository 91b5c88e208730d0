import { secretKeys, type Config } from './schema.js';

/** A copy of the effective config with every secret replaced by "****" (plus its last 4 characters hidden too). */
export function maskSecrets(config: Config): Record<string, unknown> {
  const copy = structuredClone(config) as unknown as Record<string, unknown>;
  for (const key of secretKeys) {
    const parts = key.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const part of parts.slice(0, -1)) node = node?.[part] as Record<string, unknown> | undefined;
    const last = parts[parts.length - 1]!;
    if (node && typeof node[last] === 'string') node[last] = '****';
  }
  return copy;
}
