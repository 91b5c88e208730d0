/**
 * One way into approvals, across channels: a restart asked for on Telegram (fake Bot API, real app,
 * real Docker engine) is approved at the server with `sysvox approvals approve <id>` (the built CLI, a
 * separate process on the same data dir), runs exactly once, and the Approve button pressed afterwards
 * says it was already handled. Only a throwaway container this file creates is restarted.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shownText } from '../fakes/fake-telegram.js';
import { describeDocker, waitFor } from '../helpers/docker-engine.js';
import { callbackUpdate, textUpdate } from '../telegram/helpers/telegram-updates.js';
import {
  buildCli,
  containerStartedAt,
  createOwnedContainer,
  createWorkspace,
  removeContainer,
  type CliWorkspace,
} from '../cli/cli-harness.js';
import { allowedUser, buttonData, createTelegramApp, type TelegramApp } from './telegram-app.js';

describeDocker('an approval asked on Telegram, given at the CLI', () => {
  let telegram: TelegramApp;
  let workspace: CliWorkspace;
  let name = '';
  beforeAll(async () => {
    buildCli();
    workspace = createWorkspace();
    name = createOwnedContainer();
    telegram = await createTelegramApp();
    await telegram.app.start();
  }, 240_000);
  afterAll(async () => {
    removeContainer(name);
    workspace?.remove();
    await telegram?.close();
  });

  const answers = () => telegram.fake.callsTo('answerCallbackQuery');

  it('runs exactly once; the Approve button afterwards says it was already handled', async () => {
    const before = containerStartedAt(name);
    telegram.fake.enqueueUpdate(textUpdate(allowedUser, `restart ${name}`));
    await telegram.fake.waitFor(
      () => telegram.fake.callsTo('sendMessage').some((call) => buttonData(call).length > 0),
      15_000,
    );
    const offer = telegram.fake.callsTo('sendMessage').find((call) => buttonData(call).length > 0);
    const approve = buttonData(offer).find((data) => data.endsWith(':y')) ?? '';
    const id = approve.split(':')[1] ?? '';
    expect(shownText(offer?.params ?? {})).toContain(name);
    expect(containerStartedAt(name)).toBe(before);

    const approved = await workspace.run(['approvals', 'approve', id], { env: telegram.env });
    expect(approved.exitCode, approved.stderr).toBe(0);
    expect(approved.stdout.trim()).toBe(`Done: restart container '${name}'.`);
    await waitFor(async () => (containerStartedAt(name) !== before ? true : undefined), 15_000, `${name} to restart`);
    const afterCli = containerStartedAt(name);

    const editsBefore = telegram.fake.callsTo('editMessageText').length;
    const pressed = answers().length;
    telegram.fake.enqueueUpdate(
      callbackUpdate(allowedUser, approve, { messageId: 1, chatId: allowedUser, text: shownText(offer?.params ?? {}) }),
    );
    await telegram.fake.waitFor(() => answers().length > pressed, 20_000);
    expect(answers().at(-1)?.params.text).toBe('Already handled.');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(containerStartedAt(name)).toBe(afterCli);
    expect(telegram.fake.callsTo('editMessageText')).toHaveLength(editsBefore);

    const rows = telegram.app.auditEntries(200).filter((row) => row.detail.includes(id));
    expect(rows.map((row) => `${row.kind}/${row.outcome}/${row.channel}`)).toEqual([
      'approval-created/pending/telegram',
      'approval-approved/approved/cli',
      'tool-call/ok/cli',
      'approval-rejected/already-resolved/telegram',
    ]);
    expect(telegram.app.listApprovals({ all: true }).find((row) => row.id === id)?.status).toBe('executed');
  }, 90_000);
});
