/**
 * Small models sometimes print a tool call as text instead of returning tool_calls:
 * `{"name": "cpu_usage", "arguments": {}}`, `<tool_call>{...}</tool_call>`, or a ```json fence.
 * These are recognised as calls only when the name is an offered tool; any call-shaped JSON is
 * removed from the text either way, so it is never spoken. A call to a name that was not offered
 * (unknown or blocked) is reported in `unoffered`, so the caller can audit it and say it did not run.
 */
export interface TextToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface TextToolCallScan {
  calls: TextToolCall[];
  /** The text with every call-shaped segment removed (the tags and fences around it stay: see speakableText). */
  rest: string;
  /** Printed calls, with explicit arguments, to names that were not offered; present only when there are some. */
  unoffered?: TextToolCall[];
}

export function findTextToolCalls(text: string, offeredNames: ReadonlySet<string>): TextToolCallScan {
  const calls: TextToolCall[] = [];
  const unoffered: TextToolCall[] = [];
  const segments = findJsonSegments(text);
  let rest = '';
  let cursor = 0;
  for (const segment of segments) {
    const shaped = toCallShapes(segment.value);
    if (shaped.length === 0) continue;
    for (const { explicit, ...call } of shaped) {
      if (offeredNames.has(call.name)) calls.push(call);
      else if (explicit) unoffered.push(call);
    }
    rest += text.slice(cursor, segment.start);
    cursor = segment.end;
  }
  rest += text.slice(cursor);
  return unoffered.length > 0 ? { calls, rest, unoffered } : { calls, rest };
}

/** A call shape, and whether it named its arguments (a bare {"name": "plex"} may be data, not a call). */
type CallShape = TextToolCall & { explicit: boolean };

interface JsonSegment {
  start: number;
  end: number;
  value: unknown;
}

/** Every balanced {...} or [...] in the text that parses as JSON, outermost first, left to right. */
function findJsonSegments(text: string): JsonSegment[] {
  const segments: JsonSegment[] = [];
  let index = 0;
  while (index < text.length) {
    const character = text[index];
    if (character !== '{' && character !== '[') {
      index++;
      continue;
    }
    const end = matchingClose(text, index);
    if (end === undefined) {
      index++;
      continue;
    }
    try {
      segments.push({ start: index, end: end + 1, value: JSON.parse(text.slice(index, end + 1)) });
      index = end + 1;
    } catch {
      index++;
    }
  }
  return segments;
}

/** The index of the bracket that closes the one at `start`, skipping brackets inside strings. */
function matchingClose(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') inString = false;
      continue;
    }
    if (character === '"') inString = true;
    else if (character === '{' || character === '[') depth++;
    else if (character === '}' || character === ']') {
      depth--;
      if (depth === 0) return index;
    }
  }
  return undefined;
}

/** Accepts {name, arguments|parameters}, {function: {name, arguments}}, {tool_calls: [...]}, or a list of those. */
function toCallShapes(value: unknown): CallShape[] {
  if (Array.isArray(value)) return value.flatMap((item) => toCallShapes(item));
  if (!isRecord(value)) return [];
  if (Array.isArray(value.tool_calls)) return toCallShapes(value.tool_calls);
  if (isRecord(value.function)) return toCallShapes(value.function);
  if (typeof value.name !== 'string') return [];
  const raw = value.arguments ?? value.parameters ?? {};
  const parsed = typeof raw === 'string' ? parseObject(raw) : raw;
  if (!isRecord(parsed)) return [];
  return [{ name: value.name, arguments: parsed, explicit: 'arguments' in value || 'parameters' in value }];
}

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
