import { EngineError, describeError } from '../../src/errors.js';
import { runProcess, type SpawnFunction } from '../stt/run-process.js';

/**
 * Piper's two CLI generations: the C++ `piper` (rhasspy/piper, flags with underscores, e.g.
 * `--output_raw`) and piper1 (OHF-Voice/piper1-gpl, Python, `--output-raw`). piper1 reads an
 * unknown flag aloud as text, so a flag is only ever passed after the generation is known.
 */
export type PiperGeneration = 'cpp' | 'piper1';

export interface PiperCli {
  generation: PiperGeneration;
  rawOutputFlag: '--output_raw' | '--output-raw';
}

export async function detectPiperCli(binaryPath: string, spawn?: SpawnFunction): Promise<PiperCli> {
  let helpText: string;
  try {
    const help = await runProcess(binaryPath, ['--help'], { spawn, timeoutMs: 10_000 });
    helpText = help.stdout + help.stderr;
  } catch (error) {
    throw new EngineError(
      'piper',
      `cannot run piper at ${binaryPath}: ${describeError(error)}; install it with scripts/fetch-models piper`,
      { cause: error },
    );
  }
  if (helpText.includes('--output_raw')) return { generation: 'cpp', rawOutputFlag: '--output_raw' };
  if (helpText.includes('--output-raw')) return { generation: 'piper1', rawOutputFlag: '--output-raw' };
  throw new EngineError(
    'piper',
    `unrecognised piper at ${binaryPath}: its --help names neither --output_raw nor --output-raw`,
  );
}
