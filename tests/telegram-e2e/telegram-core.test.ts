/**
 * Telegram on the real core: createApp with the channel enabled, the fake Bot API server, the real
 * router, policy, SQLite, Docker engine, pocketsphinx and espeak-ng. Restarts only touch throwaway
 * containers this file creates (sysvox-cli-<random>).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shownText } from '../fakes/fake-telegram.js';
import { describeDocker, waitFor } from '../helpers/docker-engine.js';
import { callbackUpdate, textUpdate, voiceUpdate } from '../telegram/helpers/telegram-updates.js';
import { requireVoiceNoteTools, voiceNoteSaying } from '../telegram/helpers/voice-note-audio.js';
import { containerStartedAt, createOwnedContainer, removeContainer } from '../cli/cli-harness.js';
import {
  allowedUser,
  approverUser,
  buttonData,
  createTelegramApp,
  otherUser,
  strangerUser,
  type TelegramApp,
} from './telegram-app.js';

const describeVoice = requireVoiceNoteTools().skip ? describe.skip : describe;

let telegram: TelegramApp;
beforeAll(async () => {
  telegram = await createTelegramApp();
  await telegram.app.start();
}, 60_000);
afterAll(async () => telegram?.close());

const sentCount = () => telegram.fake.callsTo('sendMessage').length;

describe('Telegram text on the real core', () => {
  it('answers an allowed person\'s "status" with real figures', async () => {
    telegram.fake.enqueueUpdate(textUpdate(allowedUser, 'status'));
    await telegram.fake.waitFor(() => telegram.sentTexts(allowedUser).some((text) => /percent/.test(text)), 15_000);
  });

  it('gives a stranger nothing, records the refusal in the audit log and warns under the telegram scope', async () => {
    const stderr = vi.spyOn(process.stderr, 'write');
    const before = sentCount();
    telegram.fake.enqueueUpdate(textUpdate(strangerUser, 'status'));
    await waitFor(
      async () =>
        telegram.app
          .auditEntries(200)
          .some((entry) => entry.channel === 'telegram' && entry.detail.includes(String(strangerUser)))
          ? true
          : undefined,
      10_000,
      'an audit row for the stranger',
    );
    // A later message from the allowed person is answered, so the stranger's update was processed, not pending.
    telegram.fake.enqueueUpdate(textUpdate(allowedUser, 'what is the uptime'));
    await telegram.fake.waitFor(
      (calls) => calls.filter((call) => call.method === 'sendMessage').length > before,
      15_000,
    );
    expect(telegram.sentTexts(strangerUser)).toEqual([]);
    expect(telegram.fake.calls.filter((call) => call.params.chat_id === strangerUser)).toEqual([]);
    const warnings = stderr.mock.calls
      .map(([chunk]) => String(chunk))
      .filter((line) => line.includes('not allow-listed'));
    stderr.mockRestore();
    expect(warnings.map((line) => (JSON.parse(line) as { scope?: string }).scope)).toEqual(['telegram']);
  });
});

describeDocker('Telegram approvals on the real core and Docker engine', () => {
  const containers: string[] = [];
  beforeAll(() => void containers.push(createOwnedContainer(), createOwnedContainer()));
  afterAll(() => containers.forEach(removeContainer));

  async function askRestart(name: string) {
    const before = sentCount();
    telegram.fake.enqueueUpdate(textUpdate(allowedUser, `restart ${name}`));
    await telegram.fake.waitFor(
      (calls) =>
        calls
          .filter((call) => call.method === 'sendMessage')
          .slice(before)
          .some((call) => buttonData(call).length > 0),
      15_000,
    );
    const offer = telegram.fake
      .callsTo('sendMessage')
      .slice(before)
      .find((call) => buttonData(call).length > 0);
    const text = shownText(offer?.params ?? {});
    expect(text).toContain(name);
    return { buttons: buttonData(offer), message: { messageId: 1, chatId: allowedUser, text } };
  }
  /** Outcomes of the audited presses that did nothing, for the approval behind a button ("ap:<id>:y"). */
  const rejectedPresses = (button: string) =>
    telegram.app
      .auditEntries(200)
      .filter((entry) => entry.kind === 'approval-rejected' && entry.detail.startsWith(`${button.split(':')[1]}:`))
      .map((entry) => entry.outcome);
  const answersCount = () => telegram.fake.callsTo('answerCallbackQuery').length;
  async function press(userId: number, data: string, message: { messageId: number; chatId: number; text: string }) {
    const before = answersCount();
    telegram.fake.enqueueUpdate(callbackUpdate(userId, data, message));
    await telegram.fake.waitFor(() => answersCount() > before, 20_000);
    return String(telegram.fake.callsTo('answerCallbackQuery').at(-1)?.params.text ?? '');
  }

  it('offers buttons; Approve restarts the container once and edits the message; a second press does nothing', async () => {
    const name = containers[0] ?? '';
    const startedAt = containerStartedAt(name);
    const { buttons, message } = await askRestart(name);
    const approve = buttons.find((data) => data.endsWith(':y')) ?? '';
    expect(buttons.some((data) => data.endsWith(':n'))).toBe(true);
    expect(containerStartedAt(name)).toBe(startedAt);

    const editsBefore = telegram.fake.callsTo('editMessageText').length;
    await press(allowedUser, approve, message);
    await waitFor(
      async () => (containerStartedAt(name) !== startedAt ? true : undefined),
      15_000,
      `${name} to restart`,
    );
    // The press is answered at once; the message shows the outcome once the restart has ended.
    await telegram.fake.waitFor(
      (calls) => calls.filter((call) => call.method === 'editMessageText').length > editsBefore,
      10_000,
    );
    const edited = shownText(telegram.fake.callsTo('editMessageText').slice(editsBefore)[0]?.params ?? {});
    expect(edited.startsWith(message.text)).toBe(true);
    const outcome = edited.slice(message.text.length);
    expect(outcome, edited).toMatch(/restart/i);
    expect(outcome).toContain(name);
    expect(outcome).not.toMatch(/cancel|denied|fail|could not/i);
    const afterFirst = containerStartedAt(name);

    expect(await press(allowedUser, approve, message)).toMatch(/already/i);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(containerStartedAt(name)).toBe(afterFirst);
    expect(telegram.fake.callsTo('editMessageText').slice(editsBefore)).toHaveLength(1);
    expect(rejectedPresses(approve)).toEqual(['already-resolved']);
  }, 60_000);

  it("someone else's Approve is refused and audited; an approver's Deny leaves the container alone", async () => {
    const name = containers[1] ?? '';
    const startedAt = containerStartedAt(name);
    const { buttons, message } = await askRestart(name);
    const editsBefore = telegram.fake.callsTo('editMessageText').length;
    const approve = buttons.find((data) => data.endsWith(':y')) ?? '';
    expect(await press(otherUser, approve, message)).toBe("You can't approve this.");
    expect(rejectedPresses(approve)).toEqual(['not-allowed']);
    expect(telegram.fake.callsTo('editMessageText')).toHaveLength(editsBefore);
    await press(approverUser, buttons.find((data) => data.endsWith(':n')) ?? '', message);
    await telegram.fake.waitFor(
      (calls) => calls.filter((call) => call.method === 'editMessageText').length > editsBefore,
      10_000,
    );
    expect(shownText(telegram.fake.callsTo('editMessageText').at(-1)?.params ?? {})).toMatch(
      /cancelled: I will not restart/i,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(containerStartedAt(name)).toBe(startedAt);
    expect(
      telegram.app
        .listApprovals({ all: true })
        .some((row) => row.status === 'denied' && row.description.includes(name)),
    ).toBe(true);
  }, 60_000);
});

describeVoice('Telegram voice notes on the real engines', () => {
  it('hears a spoken question (pocketsphinx), answers in text and replies with a voice note (espeak-ng)', async () => {
    const note = voiceNoteSaying('what is the memory usage');
    telegram.fake.addFile('voice-memory', note);
    telegram.fake.enqueueUpdate(
      voiceUpdate(allowedUser, { fileId: 'voice-memory', duration: 2, fileSize: note.length }),
    );
    await telegram.fake.waitFor(
      (calls) => calls.some((call) => call.method === 'sendVoice' && call.params.chat_id === allowedUser),
      45_000,
    );
    const texts = telegram.sentTexts(allowedUser);
    expect(
      texts.some((text) => /^I heard: .*memory usage/i.test(text)),
      texts.join('\n'),
    ).toBe(true);
    expect(
      texts.some((text) => /memory/i.test(text) && /percent/.test(text)),
      texts.join('\n'),
    ).toBe(true);
    const voice = telegram.fake.callsTo('sendVoice').at(-1)?.files.voice;
    expect(voice?.data.subarray(0, 4).toString('latin1')).toBe('OggS');
  }, 60_000);
});
