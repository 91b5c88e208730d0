/**
 * The fake Discord against the recorded wire examples (tests/fakes/discord-wire/, from Discord's
 * documentation): what it sends has the documented shape, and what the real discord.js sends to it
 * has the shape of the documented requests. If discord.js or the examples change, this says where.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  buttonPress,
  dmMessage,
  guildCreate,
  ids,
  mentionMessage,
  readyEvent,
  slashCommand,
  wireExample,
} from '../fakes/discord-wire.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/fake-discord.js';
import { startChannelHarness, type ChannelHarness } from './helpers/channel-harness.js';

/** The shape of a JSON value: object keys (recursively, first array item), not the values. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shape((value as Record<string, unknown>)[key])]),
    );
  return typeof value;
}
const payloadOf = (name: string) => wireExample(name).payload?.d;

let fake: FakeDiscord;
let harness: ChannelHarness;
beforeAll(async () => {
  fake = await startFakeDiscord();
  harness = startChannelHarness({ apiRoot: fake.apiRoot, token: fake.token });
  await harness.channel.start(new AbortController().signal);
});
afterAll(async () => {
  await harness.channel.stop();
  await fake.close();
});

describe('what the fake sends has the documented shape', () => {
  it('HELLO is the documented example, sent first on a new gateway connection', async () => {
    const gatewayUrl = (
      (await (
        await fetch(`${fake.apiRoot}/v10/gateway/bot`, { headers: { authorization: `Bot ${fake.token}` } })
      ).json()) as { url: string }
    ).url;
    const socket = new WebSocket(`${gatewayUrl}?v=10&encoding=json`);
    const first = await new Promise<unknown>((resolve) =>
      socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))),
    );
    socket.close();
    expect(first).toEqual(wireExample('hello.json').payload);
  });

  it("READY, GUILD_CREATE, INTERACTION_CREATE and MESSAGE_CREATE keep the examples' shapes", () => {
    expect(shape(readyEvent([ids.guild]))).toEqual(shape(payloadOf('ready.json')));
    expect(shape(guildCreate())).toEqual(shape(payloadOf('guild-create.json')));
    expect(
      shape(slashCommand({ userId: ids.mason, name: 'ask', options: [{ type: 3, name: 'question', value: 'x' }] })),
    ).toEqual(shape(payloadOf('interaction-create-command.json')));
    const message = { id: '1', channel_id: ids.text, content: 'x', components: [] };
    expect(shape(buttonPress({ userId: ids.mason, customId: 'ap:a:y', message }))).toEqual(
      shape({
        ...payloadOf('interaction-create-button.json'),
        message: { ...(payloadOf('interaction-create-button.json')?.message as object), components: [] },
      }),
    );
    expect(shape(mentionMessage({ userId: ids.mason, text: 'x' }))).toEqual(
      shape(payloadOf('message-create-mention.json')),
    );
    expect(shape(dmMessage({ userId: ids.mason, text: 'x' }))).toEqual(shape(payloadOf('message-create-dm.json')));
  });

  it('REST answers: /gateway/bot, a 401, a created message and the registered commands', async () => {
    const get = (path: string, token = fake.token) =>
      fetch(`${fake.apiRoot}/v10${path}`, { headers: { authorization: `Bot ${token}` } });
    const gateway = await get('/gateway/bot');
    expect(shape(await gateway.json())).toEqual(shape(wireExample('gateway-bot.json').response));
    const refused = await get('/gateway/bot', 'a-wrong-token');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(wireExample('error-unauthorized.json').response);
    const created = await fetch(`${fake.apiRoot}/v10/channels/${ids.text}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(wireExample('create-message.json').request?.body),
    });
    expect(shape(await created.json())).toEqual(shape(wireExample('create-message.json').response));
    const commands = fake.callsTo('PUT', /\/commands$/)[0];
    expect(commands?.path).toBe(wireExample('bulk-overwrite-guild-commands.json').request?.path);
  });
});

describe('what discord.js sends has the documented shape', () => {
  it('IDENTIFY', () => {
    const identify = fake.gatewayReceived.find((payload) => payload.op === 2);
    expect(shape(identify)).toEqual(shape(wireExample('identify.json').payload));
    expect((identify?.d as { intents: number }).intents).toBe(
      (wireExample('identify.json').payload?.d as { intents: number }).intents,
    );
  });

  it('an interaction callback and a channel message', async () => {
    fake.dispatch('INTERACTION_CREATE', slashCommand({ userId: ids.mason, name: 'status' }));
    await fake.waitFor(() => fake.callsTo('POST', /\/callback$/).length > 0);
    const callback = fake.callsTo('POST', /\/callback$/)[0];
    expect(callback?.body).toEqual(wireExample('interaction-callback.json').request?.body);
    const posts = () => fake.callsTo('POST', /^\/channels\/\d+\/messages$/).filter((call) => call.authorization);
    const before = posts().length;
    fake.dispatch('MESSAGE_CREATE', mentionMessage({ userId: ids.mason, text: 'status' }));
    await fake.waitFor(() => posts().length > before);
    const post = posts().at(-1);
    expect(post?.body).toEqual(wireExample('create-message.json').request?.body);
  });
});
