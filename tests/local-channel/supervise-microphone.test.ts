import { describe, expect, it } from 'vitest';
import { superviseMicrophone } from '../../channels/local/supervise-microphone.js';
import { createLogger } from '../../src/log.js';

function recordingLog() {
  const lines: { message: string }[] = [];
  return { lines, log: createLogger({ write: (line) => lines.push(JSON.parse(line) as { message: string }) }) };
}

describe('the mic loop supervisor', () => {
  it('starts a loop that failed or ended again, with growing delays, until the service stops', async () => {
    const controller = new AbortController();
    const outcomes: (Error | { started: boolean; reason: string })[] = [
      new Error('arecord died'),
      { started: true, reason: 'capture ended' },
      new Error('device gone'),
    ];
    let runs = 0;
    const voice = {
      async runMicrophone() {
        runs += 1;
        const next = outcomes.shift();
        if (!next) {
          controller.abort();
          return { started: true, reason: 'stopped' };
        }
        if (next instanceof Error) throw next;
        return next;
      },
    };
    const delays: number[] = [];
    const { lines, log } = recordingLog();
    await superviseMicrophone(voice, {
      signal: controller.signal,
      log,
      initialDelayMs: 10,
      maxDelayMs: 25,
      sleep: async (ms) => void delays.push(ms),
    });
    expect(runs).toBe(4);
    expect(delays).toEqual([10, 20, 25]);
    expect(lines.map((line) => line.message)).toEqual([
      'mic loop failed; starting it again',
      'mic loop ended; starting it again',
      'mic loop failed; starting it again',
    ]);
  });

  it('says once why there is no microphone and does not retry', async () => {
    let runs = 0;
    const { lines, log } = recordingLog();
    await superviseMicrophone(
      { runMicrophone: async () => (runs++, { started: false, reason: 'no capture device' }) },
      { signal: new AbortController().signal, log },
    );
    expect(runs).toBe(1);
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).toContain('no capture device');
  });
});
