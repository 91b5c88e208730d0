import type { z } from 'zod';
import { nearestName } from '../toolkit/nearest-name.js';

export interface UnknownKey {
  /** Dotted path as written, e.g. "ollama.modle" or "voice.wake.models.0.treshold". */
  key: string;
  /** The nearest valid key at that place, when one is close. */
  suggestion?: string;
}

interface SchemaDefinition {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
}

const definitionOf = (schema: z.ZodType) => (schema as unknown as { def: SchemaDefinition }).def;

/** The object schema under defaults, optionals and pipes, or the array element, or null for a leaf. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const definition = definitionOf(current);
    if (!definition.innerType) return current;
    current = definition.innerType;
  }
}

/**
 * Keys in the raw config (the YAML as read) that the schema does not know. Zod would drop them silently,
 * so a misspelt key ("ollama.modle") would leave the default in force without a word.
 */
export function findUnknownKeys(schema: z.ZodType, raw: unknown, prefix: string[] = []): UnknownKey[] {
  const definition = definitionOf(unwrap(schema));
  if (definition.type === 'array' && definition.element && Array.isArray(raw)) {
    return raw.flatMap((item, index) => findUnknownKeys(definition.element!, item, [...prefix, String(index)]));
  }
  if (
    definition.type !== 'object' ||
    !definition.shape ||
    typeof raw !== 'object' ||
    raw === null ||
    Array.isArray(raw)
  )
    return [];
  const shape = definition.shape;
  return Object.entries(raw as Record<string, unknown>).flatMap(([key, value]) => {
    const known = shape[key];
    if (known) return findUnknownKeys(known, value, [...prefix, key]);
    const suggestion = nearestName(key, Object.keys(shape));
    const path = (name: string) => [...prefix, name].join('.');
    return [{ key: path(key), ...(suggestion ? { suggestion: path(suggestion) } : {}) }];
  });
}
