/**
 * A tool area that exists only in the Discord tests, built like tests/areas/test-area: "open the gate"
 * is a confirm-tier tool (so the real policy asks for an approval, and the test can count how often it
 * really ran), and "read the gate log" is a safe tool whose answer is far longer than one Discord message.
 */
import { z } from 'zod';
import { answerFrom } from '../../../src/router/answer-kit.js';
import type { ToolArea } from '../../../src/router/area.js';
import { defineTool } from '../../../src/toolkit/tool.js';

export interface GateArea {
  area: ToolArea;
  /** How many times the gate was really opened (the tool's execute ran). */
  opened(): number;
  /** The log lines "read the gate log" answers with, in order. */
  logLines: string[];
}

export function createGateArea(): GateArea {
  let opened = 0;
  const logLines = Array.from(
    { length: 60 },
    (_, index) =>
      `Entry ${index + 1}: the gate was checked at ${String(index % 24).padStart(2, '0')}:15 and it was closed.`,
  );
  const open = defineTool({
    name: 'gate_open',
    description: 'Opens the garden gate.',
    risk: 'confirm',
    input: z.object({}),
    describeCall: () => 'open the garden gate',
    confirmTarget: () => 'gate',
    execute: async () => {
      opened += 1;
      return { opened: true };
    },
    output: z.object({ opened: z.boolean() }),
  });
  const log = defineTool({
    name: 'gate_log',
    description: 'The garden gate log.',
    risk: 'safe',
    input: z.object({}),
    describeCall: () => 'read the gate log',
    execute: async () => ({ lines: logLines }),
    output: z.object({ lines: z.array(z.string()) }),
  });
  const area: ToolArea = {
    name: 'gate',
    tools: [open, log],
    templates: [
      { intent: 'gate_open', patterns: ['open the [garden] gate'], help: { kind: 'do', topic: 'open the gate' } },
      { intent: 'gate_log', patterns: ['read the gate log'], help: { kind: 'ask', topic: 'the gate log' } },
    ],
    answers: {
      gate_open: (context) => answerFrom(context, open, {}, 'opening the gate', () => 'The gate is open.'),
      gate_log: (context) => answerFrom(context, log, {}, 'reading the gate log', (value) => value.lines.join('\n')),
    },
  };
  return { area, opened: () => opened, logLines };
}
