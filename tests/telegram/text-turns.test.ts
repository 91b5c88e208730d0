import { afterEach, describe, expect, it } from 'vitest';
import { allowedUser, startHarness, strangerUser, type Harness, keepRunning } from './helpers/channel-harness.js';
import { createScriptedCore, done } from './helpers/scripted-core.js';
import { textUpdate } from './helpers/telegram-updates.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const repliesTo = (chatId: number, count: number) => (h: Harness) =>
  h.fake.waitFor(() => h.sentTexts(chatId).length >= count);

describe('Telegram text turns', () => {
  it('answers an allow-listed person through the core, with the turn shaped for the core', async () => {
    const core = createScriptedCore((turn) => [done(`CPU is at 12% (you asked: ${turn.text})`)]);
    harness = await startHarness({ core });
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'cpu <now> & then'));
    await repliesTo(allowedUser, 1)(harness);

    expect(harness.sentTexts(allowedUser)).toEqual(['CPU is at 12% (you asked: cpu <now> & then)']);
    expect(harness.fake.callsTo('sendMessage')[0]?.params.parse_mode).toBe('HTML');
    expect(core.turns[0]).toMatchObject({
      channel: 'telegram',
      text: 'cpu <now> & then',
      conversation: String(allowedUser),
      modality: 'text',
      person: { channel: 'telegram', externalId: String(allowedUser), displayName: 'Ada' },
    });
  });

  it('gives a stranger no answer at all and audits them once, however often they write', async () => {
    const core = createScriptedCore(() => [done('secret server facts')]);
    harness = await startHarness({ core });
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(strangerUser, 'status'));
    harness.fake.enqueueUpdate(textUpdate(strangerUser, 'status again'));
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'status'));
    await repliesTo(allowedUser, 1)(harness);

    const toStranger = harness.fake.calls.filter((call) => call.params.chat_id === strangerUser);
    expect(toStranger).toEqual([]);
    expect(core.turns.map((turn) => turn.person.externalId)).toEqual([String(allowedUser)]);
    expect(harness.audits).toEqual([
      expect.objectContaining({ kind: 'telegram-stranger', detail: expect.objectContaining({ userId: strangerUser }) }),
    ]);
    expect(harness.logLines.filter((line) => line.includes('not allow-listed'))).toHaveLength(1);
  });

  it('splits a long answer on line boundaries under 4096 characters, and Telegram accepts every piece', async () => {
    const lines = Array.from({ length: 300 }, (_, index) => `container-${index} is healthy <ok>`);
    const core = createScriptedCore(() => [done(lines.join('\n'))]);
    harness = await startHarness({ core });
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'containers'));
    await repliesTo(allowedUser, 3)(harness);

    const pieces = harness.sentTexts(allowedUser);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.join('\n')).toBe(lines.join('\n'));
    for (const piece of pieces) expect(piece.split('\n').every((line) => lines.includes(line))).toBe(true);
  });

  it('splits a long paragraph without line breaks between sentences, never inside a word', async () => {
    const sentences = Array.from(
      { length: 140 },
      (_, index) => `Container number-${index} restarted cleanly after its health check recovered.`,
    );
    const paragraph = sentences.join(' ');
    const core = createScriptedCore(() => [done(paragraph)]);
    harness = await startHarness({ core });
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'what happened'));
    await repliesTo(allowedUser, 3)(harness);

    const pieces = harness.sentTexts(allowedUser);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.join(' ')).toBe(paragraph);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(4096);
      expect(piece.endsWith('recovered.'), piece.slice(-40)).toBe(true);
    }
  });

  it('sends no apology to a person who blocked the bot, and logs it once', async () => {
    const core = createScriptedCore((turn) => [done(`answer to ${turn.text}`)]);
    harness = await startHarness({ core });
    harness.fake.failNext('sendMessage', { kind: 'blocked' }, 10);
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'status'));
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'status again'));
    await harness.fake.waitFor(() => core.turns.length === 2);
    await harness.fake.waitFor((calls) => calls.filter((call) => call.method === 'sendMessage').length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const sent = harness.fake.callsTo('sendMessage').map((call) => String(call.params.text));
    expect(sent).toEqual(['answer to status', 'answer to status again']); // both refused with 403, no apology after
    expect(harness.logLines.filter((line) => line.includes('blocked the bot'))).toHaveLength(1);
    expect(harness.channel.health().status).toBe('running');
  });

  it('apologises when a handler throws, and still answers the next message', async () => {
    const core = createScriptedCore((turn) => {
      if (turn.text === 'explode') throw new Error('core blew up');
      return [done('All good.')];
    });
    harness = await startHarness({ core });
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'explode'));
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'status'));
    await repliesTo(allowedUser, 2)(harness);

    expect(harness.sentTexts(allowedUser)).toEqual(['Something went wrong on my side.', 'All good.']);
  });

  it('waits out a 429 (retry_after) and then delivers the reply exactly once', async () => {
    harness = await startHarness({ core: createScriptedCore(() => [done('Disk is 40% full.')]) });
    harness.fake.failNext('sendMessage', { kind: 'rate-limit', retryAfterSeconds: 1 });
    await harness.channel.start(keepRunning);
    const started = Date.now();
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'disk'));
    await repliesTo(allowedUser, 2)(harness);

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const attempts = harness.sentTexts(allowedUser);
    expect(attempts).toEqual(['Disk is 40% full.', 'Disk is 40% full.']); // the refused one, then the retry
    expect(harness.logLines.some((line) => line.includes('rate limit'))).toBe(true);
  });

  it('shows "typing" repeatedly while a slow core works', async () => {
    harness = await startHarness({ core: createScriptedCore(() => [done('Thought hard.')], { delayMs: 450 }) });
    await harness.channel.start(keepRunning);
    harness.fake.enqueueUpdate(textUpdate(allowedUser, 'why is it slow'));
    await repliesTo(allowedUser, 1)(harness);

    const actions = harness.fake.callsTo('sendChatAction').map((call) => call.params.action);
    expect(actions.length).toBeGreaterThanOrEqual(3);
    expect(new Set(actions)).toEqual(new Set(['typing']));
  });

  it('/start, /help and /status: help text, and "status" handed to the core', async () => {
    const core = createScriptedCore((turn) => [done(`router says: ${turn.text}`)]);
    harness = await startHarness({ core });
    await harness.channel.start(keepRunning);
    for (const text of ['/start', '/help', '/status', '/nonsense'])
      harness.fake.enqueueUpdate(textUpdate(allowedUser, text));
    await repliesTo(allowedUser, 4)(harness);

    const [start, help, status, unknown] = harness.sentTexts(allowedUser);
    expect(start).toContain('Hi Ada');
    expect(help).toContain('/voice on|off');
    expect(status).toBe('router says: status');
    expect(unknown).toContain('/help');
    expect(core.turns.map((turn) => turn.text)).toEqual(['status']);
  });

  it('notify() reaches configured chats; /mute silences a chat and survives a restart via kv; /unmute restores', async () => {
    harness = await startHarness({
      core: createScriptedCore(() => []),
      telegram: { pushChatIds: [allowedUser, 3333] },
    });
    await harness.channel.start(keepRunning);
    const notice = (key: string, text: string) => ({ key, severity: 'warning' as const, text });
    expect(await harness.channel.notify(notice('disk', 'Disk / is 95% full'))).toEqual({
      status: 'delivered',
      detail: 'sent to 2 chats',
    });
    expect(harness.sentTexts(allowedUser)).toEqual(['Disk / is 95% full']);
    expect(harness.sentTexts(3333)).toEqual(['Disk / is 95% full']);

    harness.fake.enqueueUpdate(textUpdate(allowedUser, '/mute'));
    await repliesTo(allowedUser, 2)(harness);
    const restarted = await startHarness({
      core: createScriptedCore(() => []),
      fake: harness.fake,
      kv: harness.kv,
      telegram: { pushChatIds: [allowedUser, 3333] },
    });
    expect(await restarted.channel.notify(notice('plex', 'plex is unhealthy'))).toEqual({
      status: 'delivered',
      detail: 'sent to 1 chat; 1 muted',
    });
    await restarted.close();
    expect(harness.sentTexts(allowedUser).at(-1)).toContain('muted');
    expect(harness.sentTexts(3333)).toEqual(['Disk / is 95% full', 'plex is unhealthy']);

    harness.fake.enqueueUpdate(textUpdate(allowedUser, '/unmute'));
    await repliesTo(allowedUser, 3)(harness);
    await harness.channel.notify(notice('plex', 'plex recovered'));
    expect(harness.sentTexts(allowedUser).slice(-2)).toEqual(['Alerts are on in this chat.', 'plex recovered']);
  });
});
