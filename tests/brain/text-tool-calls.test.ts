import { describe, expect, it } from 'vitest';
import { createSpeechGuard } from '../../src/brain/speech-guard.js';
import { findTextToolCalls } from '../../src/brain/text-tool-calls.js';

const offered = new Set(['cpu_usage', 'container_logs']);

describe('tool calls printed as text', () => {
  it.each([
    [
      '{"name": "container_logs", "arguments": {"name": "plex"}}',
      [{ name: 'container_logs', arguments: { name: 'plex' } }],
    ],
    [
      '{"name": "container_logs", "parameters": {"name": "plex"}}',
      [{ name: 'container_logs', arguments: { name: 'plex' } }],
    ],
    ['{"function": {"name": "cpu_usage", "arguments": "{}"}}', [{ name: 'cpu_usage', arguments: {} }]],
    [
      '[{"name": "cpu_usage", "arguments": {}}, {"name": "container_logs", "arguments": {"name": "a}b"}}]',
      [
        { name: 'cpu_usage', arguments: {} },
        { name: 'container_logs', arguments: { name: 'a}b' } },
      ],
    ],
  ])('recognises %s', (text, calls) => {
    expect(findTextToolCalls(text, offered)).toEqual({ calls, rest: '' });
  });

  it('does not take names that were not offered as calls, reports them, and removes them from what is spoken', () => {
    expect(findTextToolCalls('Sure. {"name": "shell_exec", "arguments": {"command": "ls"}}', offered)).toEqual({
      calls: [],
      rest: 'Sure. ',
      unoffered: [{ name: 'shell_exec', arguments: { command: 'ls' } }],
    });
  });

  it('does not report a bare object with a name as a call to an unknown tool', () => {
    expect(findTextToolCalls('Found [{"name": "plex", "state": "running"}].', offered).unoffered).toBeUndefined();
  });

  it('leaves JSON that is not a call, and plain text, alone', () => {
    const text = 'The config is {"debug": true} and that is fine.';
    expect(findTextToolCalls(text, offered)).toEqual({ calls: [], rest: text });
  });
});

describe('speech guard', () => {
  it('streams plain text at once and holds back from the first brace or angle bracket', () => {
    const guard = createSpeechGuard();
    expect(guard.push('CPU is fine. ')).toBe('CPU is fine. ');
    expect(guard.push('Now {"name"')).toBe('Now ');
    expect(guard.push(': "x"} more')).toBe('');
    expect(guard.finish()).toBe('{"name": "x"} more');
  });

  it('does not speak leading whitespace on its own', () => {
    const guard = createSpeechGuard();
    expect(guard.push('  ')).toBe('');
    expect(guard.push('<|im_end|>')).toBe('');
    expect(guard.finish()).toBe('<|im_end|>');
  });
});
