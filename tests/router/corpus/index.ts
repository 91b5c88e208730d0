/** The whole corpus: every phrasing that must match, by area, and the open questions. */
import { alertRows, confirmRows, denyRows, forgetRows, helpRows, rememberRows } from './core-intents.js';
import { restartRows, startRows, stopRows } from './docker-actions.js';
import { containerLogRows, containerStatusRows, listContainerRows, unhealthyRows } from './docker-questions.js';
import { diskRows, statusRows, topCpuRows, topMemoryRows } from './system-disk-status.js';
import { cpuRows, loadRows, memoryRows, temperatureRows, uptimeRows } from './system-figures.js';
import { fourthOpenQuestions, fourthRows } from './fourth-batch.js';
import { hostFigureRows, hostsStatusRows } from './hosts.js';
import { freshOpenQuestions, freshRows } from './fresh-batch.js';
import { openQuestions as firstOpenQuestions } from './open-questions.js';
import { thirdOpenQuestions, thirdRows } from './third-batch.js';
import { serviceRows, storageRows } from './services-storage.js';
import type { CorpusRow } from './types.js';

export type { CorpusRow } from './types.js';

export const corpusRows: readonly CorpusRow[] = [
  ...statusRows,
  ...cpuRows,
  ...memoryRows,
  ...topCpuRows,
  ...topMemoryRows,
  ...temperatureRows,
  ...loadRows,
  ...uptimeRows,
  ...diskRows,
  ...listContainerRows,
  ...unhealthyRows,
  ...containerStatusRows,
  ...containerLogRows,
  ...restartRows,
  ...stopRows,
  ...startRows,
  ...confirmRows,
  ...denyRows,
  ...helpRows,
  ...alertRows,
  ...rememberRows,
  ...forgetRows,
  ...freshRows,
  ...thirdRows,
  ...fourthRows,
  ...serviceRows,
  ...storageRows,
  ...hostsStatusRows,
  ...hostFigureRows,
];

export const openQuestions: readonly string[] = [
  ...firstOpenQuestions,
  ...freshOpenQuestions,
  ...thirdOpenQuestions,
  ...fourthOpenQuestions,
];
