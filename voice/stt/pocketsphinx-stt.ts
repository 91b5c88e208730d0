import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError, describeError } from '../../src/errors.js';
import { silentLogger, type Logger } from '../../src/log.js';
import type { EngineProbe } from '../../src/probe.js';
import { grammarWords } from './jsgf-grammar.js';
import { dictionaryText, loadDictionary, type PronunciationDictionary } from './pronunciation-dictionary.js';
import { parsePocketsphinxOutput, silenceBeforeLastWord, wordSeconds } from './pocketsphinx-output.js';
import { runProcess, type SpawnFunction } from './run-process.js';
import type { Pcm16, SpeechToText, SttHints, Transcript } from './stt.js';
import { voicedSeconds } from './voiced-duration.js';
import { writeWav } from '../audio/wav.js';
import { trimLeadingQuiet } from './leading-quiet.js';

export interface PocketsphinxSttOptions {
  /** JSGF text for the current vocabulary (see buildJsgf). Called per utterance; cached by content. */
  grammar: (hints?: SttHints) => string;
  /** Debian 12 ships pocketsphinx 0.8 as `pocketsphinx_continuous`. */
  binary?: string;
  acousticModel?: string;
  dictionary?: PronunciationDictionary;
  /** Words must span at least this share of the audible audio, else the hypothesis was forced. */
  minimumCoverage?: number;
  /**
   * More silence than this before the last word, and the hypothesis was forced: speech outside the grammar
   * comes out as a few words among long silences (measured: forced out-of-grammar results 9 -> 6 of 18,
   * right intents 125 -> 123 of 144 on the espeak-ng corpus). Default 0.5 s.
   */
  maximumSilenceSeconds?: number;
  spawn?: SpawnFunction;
  log?: Logger;
}

const installFix = 'apt-get install pocketsphinx pocketsphinx-en-us';
/** Wide beams: the defaults prune the right path away on longer phrases ("yes restart plex server"). */
const beamArguments = ['-beam', '1e-80', '-pbeam', '1e-80', '-wbeam', '1e-60'];
/**
 * Measured on 4 espeak-ng voices x 36 commands (bench:speech-accuracy, docs/decisions/021): spectral noise
 * subtraction off and dither on (digital silence otherwise skews the noise estimate and eats the first
 * word: "restart" -> "start", "help" -> "the load"), a stronger grammar weight and a smaller word insertion
 * penalty took the right intent from 95 to 121 of 144. The seed keeps the dither repeatable.
 */
const decoderArguments = ['-remove_noise', 'no', '-dither', 'yes', '-seed', '1', '-lw', '10', '-wip', '0.2'];

/**
 * Offline grammar recognition. A grammar decoder always forces some phrase onto what it hears, so
 * the hypothesis is kept only when its words explain most of the audible audio (noise and
 * out-of-grammar speech leave a short forced word among long silence) and is otherwise empty.
 */
export function createPocketsphinxStt(options: PocketsphinxSttOptions): SpeechToText {
  const binary = options.binary ?? 'pocketsphinx_continuous';
  const acousticModel = options.acousticModel ?? '/usr/share/pocketsphinx/model/en-us/en-us';
  const minimumCoverage = options.minimumCoverage ?? 0.6;
  const maximumSilenceSeconds = options.maximumSilenceSeconds ?? 0.5;
  const log = options.log ?? silentLogger;
  const grammarFiles = createGrammarFiles(() => options.dictionary ?? loadDictionary());
  const nothing: Transcript = { text: '', engine: 'pocketsphinx' };

  async function transcribe(audio: Pcm16, call: { signal?: AbortSignal; hints?: SttHints } = {}): Promise<Transcript> {
    const audible = voicedSeconds(audio);
    if (audible < 0.1) return nothing;
    const files = await grammarFiles.forGrammar(options.grammar(call.hints));
    const wavPath = join(
      files.directory,
      `utterance-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.wav`,
    );
    const trimmed = trimLeadingQuiet(audio);
    await writeFile(wavPath, writeWav(trimmed.samples, trimmed.sampleRate));
    try {
      const args = [
        '-infile',
        wavPath,
        '-jsgf',
        files.jsgfPath,
        '-dict',
        files.dictPath,
        '-hmm',
        acousticModel,
        '-time',
        'yes',
        '-logfn',
        '/dev/null',
        ...beamArguments,
        ...decoderArguments,
      ];
      const result = await runProcess(binary, args, { spawn: options.spawn, signal: call.signal }).catch(
        (error: unknown) => {
          throw new EngineError('pocketsphinx', `cannot run ${binary}: ${describeError(error)}; fix: ${installFix}`, {
            cause: error,
          });
        },
      );
      if (result.exitCode !== 0)
        throw new EngineError('pocketsphinx', `${binary} exited with ${result.exitCode}: ${result.stderr.slice(-300)}`);
      const parsed = parsePocketsphinxOutput(result.stdout);
      const covered = wordSeconds(parsed.segments);
      const gaps = silenceBeforeLastWord(parsed);
      if (!parsed.text || covered < minimumCoverage * audible || gaps > maximumSilenceSeconds) {
        if (parsed.text) log.debug('grammar hypothesis rejected', { hypothesis: parsed.text, covered, audible, gaps });
        return nothing;
      }
      return { text: parsed.text, engine: 'pocketsphinx' };
    } finally {
      await rm(wavPath, { force: true });
    }
  }

  return {
    name: 'pocketsphinx',
    transcribe,
    probe: () => probePocketsphinx(binary, acousticModel, options.spawn),
    close: () => grammarFiles.remove(),
  };
}

function createGrammarFiles(dictionary: () => PronunciationDictionary) {
  let directory: Promise<string> | undefined;
  const written = new Map<string, Promise<{ directory: string; jsgfPath: string; dictPath: string }>>();
  const write = async (jsgf: string) => {
    directory ??= mkdtemp(join(tmpdir(), 'sysvox-pocketsphinx-'));
    const folder = await directory;
    const id = written.size;
    const jsgfPath = join(folder, `grammar-${id}.jsgf`);
    const dictPath = join(folder, `grammar-${id}.dict`);
    await writeFile(jsgfPath, jsgf);
    await writeFile(dictPath, dictionaryText(grammarWords(jsgf), dictionary()));
    return { directory: folder, jsgfPath, dictPath };
  };
  return {
    forGrammar(jsgf: string) {
      let files = written.get(jsgf);
      if (!files) {
        if (written.size > 20) written.clear();
        files = write(jsgf);
        written.set(jsgf, files);
      }
      return files;
    },
    async remove() {
      if (directory) await rm(await directory, { recursive: true, force: true });
      directory = undefined;
      written.clear();
    },
  };
}

async function probePocketsphinx(binary: string, acousticModel: string, spawn?: SpawnFunction): Promise<EngineProbe> {
  if (!existsSync(acousticModel))
    return {
      name: 'stt:pocketsphinx',
      status: 'fail',
      detail: `acoustic model missing at ${acousticModel}`,
      fix: installFix,
    };
  try {
    await runProcess(binary, [], { spawn, timeoutMs: 5000 });
    return { name: 'stt:pocketsphinx', status: 'ok', detail: `${binary} with ${acousticModel}` };
  } catch (error) {
    return {
      name: 'stt:pocketsphinx',
      status: 'fail',
      detail: `cannot run ${binary}: ${describeError(error)}`,
      fix: installFix,
    };
  }
}
