import { isSecretKey } from '../toolkit/redact.js';
import { secretKeys, type Config } from './schema.js';

const urlUserinfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

/** "http://user:pass@host" -> "http://****@host", anywhere in a text (doctor details, error messages). */
export function maskUrlUserinfo(text: string): string {
  return text.replace(urlUserinfo, '$1****@');
}

/**
 * A copy of the effective config with every secret replaced by "****": the keys listed in
 * secretKeys, any other string whose key looks secret (a future apiKey or secretToken),
 * so a new secret setting is masked even before someone adds it to the list, and the user and
 * password inside every URL (ollama.host: http://user:pass@host).
 */
export function maskSecrets(config: Config): Record<string, unknown> {
  const copy = structuredClone(config) as unknown as Record<string, unknown>;
  for (const key of secretKeys) {
    const parts = key.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (const part of parts.slice(0, -1)) node = node?.[part] as Record<string, unknown> | undefined;
    const last = parts[parts.length - 1]!;
    if (node && typeof node[last] === 'string') node[last] = '****';
  }
  maskSecretLookingKeys(copy);
  return copy;
}

function maskSecretLookingKeys(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(maskSecretLookingKeys);
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string' && isSecretKey(key)) record[key] = '****';
    else if (typeof value === 'string') record[key] = maskUrlUserinfo(value);
    else maskSecretLookingKeys(value);
  }
}
