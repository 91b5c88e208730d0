/**
 * A tool area that exists only in the tests: backup jobs ("when did backup photos last run"). It is
 * built exactly like tools/docker or tools/system (one tool with an output schema, one template, one
 * vocabulary slot with a values provider, an answer and a status part) and registered next to the real
 * areas by the test app, with no file in src/ knowing about it.
 */
import { z } from 'zod';
import { ToolError } from '../../../src/errors.js';
import { answerFrom, readTool } from '../../../src/router/answer-kit.js';
import type { ToolArea } from '../../../src/router/area.js';
import { squashName } from '../../../src/router/slot-resolvers.js';
import { capitalise, spokenDuration } from '../../../src/router/speech-format.js';
import { defineTool } from '../../../src/toolkit/tool.js';

export interface BackupJob {
  name: string;
  lastRun: Date;
  succeeded: boolean;
}

export interface BackupAreaOptions {
  /** The jobs the area knows; the {job} slot's names come from here, asked every turn. */
  jobs: () => Promise<BackupJob[]>;
  clock?: () => Date;
}

const lastRunOutput = z.object({ job: z.string(), lastRun: z.date(), succeeded: z.boolean() });
const jobListOutput = z.array(lastRunOutput);

export function createBackupArea(options: BackupAreaOptions): ToolArea {
  const clock = options.clock ?? (() => new Date());
  const findJob = async (name: string) => {
    const job = (await options.jobs()).find((each) => squashName(each.name) === squashName(name));
    if (!job) throw new ToolError('backup_last_run', `There is no backup job called ${name}.`);
    return job;
  };
  const lastRun = defineTool({
    name: 'backup_last_run',
    description: 'When a backup job last ran and whether it succeeded.',
    risk: 'safe',
    input: z.object({ job: z.string().min(1).max(100) }),
    describeCall: (input) => `last run of backup job '${input.job}'`,
    execute: async (input) => {
      const job = await findJob(input.job);
      return { job: job.name, lastRun: job.lastRun, succeeded: job.succeeded };
    },
    output: lastRunOutput,
  });
  const listJobs = defineTool({
    name: 'backup_jobs',
    description: 'Every backup job with its last run.',
    risk: 'safe',
    input: z.object({}),
    describeCall: () => 'list backup jobs',
    execute: async () =>
      (await options.jobs()).map((job) => ({ job: job.name, lastRun: job.lastRun, succeeded: job.succeeded })),
    output: jobListOutput,
  });
  const ago = (date: Date) => `${spokenDuration((clock().getTime() - date.getTime()) / 1000)} ago`;

  return {
    name: 'backup',
    tools: [lastRun, listJobs],
    templates: [
      {
        intent: 'backup_last_run',
        patterns: ['when did [the] backup {job} last <ran>', 'when did [the] {job} backup last <ran>'],
        help: { kind: 'ask', topic: 'when a backup job last ran' },
      },
    ],
    wordClasses: { ran: 'run | finish | complete' },
    slots: [
      {
        name: 'job',
        values: async () => (await options.jobs()).map((job) => job.name),
        resolve: (words, jobs) => jobs.find((job) => squashName(job) === squashName(words.join(' '))) ?? null,
        maxWords: 3,
      },
    ],
    answers: {
      backup_last_run: (context) =>
        answerFrom(
          context,
          lastRun,
          { job: context.match.slots.job ?? '' },
          'checking the backup',
          (run) => `${capitalise(run.job)} last ran ${ago(run.lastRun)} and ${run.succeeded ? 'succeeded' : 'failed'}.`,
        ),
    },
    async status(context) {
      const jobs = await readTool(context, listJobs, {}, 'checking the backups');
      if ('failed' in jobs) return null;
      const failed = jobs.value.filter((job) => !job.succeeded).map((job) => job.job);
      if (failed.length > 0) return { clause: `the last ${failed.join(' and ')} backup failed`, problem: true };
      return { clause: `all ${jobs.value.length} backups succeeded`, problem: false };
    },
  };
}
