/**
 * The Discord voice side (issue 12): joins a voice channel with @discordjs/voice (DAVE through
 * @snazzah/davey, Opus through opusscript), hears each allowed speaker, answers aloud and in the linked
 * text channel, rejoins after drops with backoff, leaves when alone. A voice error never escapes:
 * it is logged and health() says why voice is down, while the text side keeps working.
 */
import { entersState, joinVoiceChannel, VoiceConnectionStatus, type VoiceConnection } from '@discordjs/voice';
import type { ChannelHealth } from '../../../src/core/channel.js';
import { ChannelError, describeError } from '../../../src/errors.js';
import type { DiscordVoice, VoiceJoinRequest } from '../voice-port.js';
import { AloneWatch } from './alone-watch.js';
import { createCallPlayer, type CallPlayer } from './call-player.js';
import { CallSession } from './call-session.js';
import { safeDestroy, watchConnection } from './connection-watch.js';
import type { DiscordVoiceEvent } from './voice-events.js';
import { defaultVoiceSettings, type DiscordVoiceOptions, type DiscordVoiceSettings } from './voice-options.js';

export function createDiscordVoice(options: DiscordVoiceOptions): DiscordVoice {
  return new DiscordVoiceSide(options);
}

class DiscordVoiceSide implements DiscordVoice {
  private readonly settings: DiscordVoiceSettings;
  private readonly log;
  private readonly clock: () => number;
  private readonly player: CallPlayer;
  private session: CallSession | undefined;
  private connection: VoiceConnection | undefined;
  private unwatch: (() => void) | undefined;
  private state: ChannelHealth = { status: 'idle', detail: 'not in a voice channel' };
  /** Bumped on every join and leave: a rejoin loop from an older call stops. */
  private generation = 0;
  /** Aborted on leave: a join waiting for Ready, or a rejoin waiting out its backoff, ends at once. */
  private leaving = new AbortController();
  /** A connection made but not Ready yet (leave destroys it too). */
  private joining: VoiceConnection | undefined;
  private readonly alone: AloneWatch;

  constructor(private readonly options: DiscordVoiceOptions) {
    this.settings = { ...defaultVoiceSettings, ...options.settings };
    this.log = options.log.child('discord:voice');
    this.clock = options.clock ?? (() => performance.now());
    this.player = createCallPlayer({ tts: options.tts, log: this.log });
    this.alone = new AloneWatch({
      settings: this.settings,
      clock: this.clock,
      count: () => this.listenerCount(),
      onAlone: () => void this.leave(`alone for ${this.settings.leaveWhenAloneMinutes} minutes`),
    });
  }

  async join(request: VoiceJoinRequest): Promise<void> {
    const current = this.session?.request;
    if (current?.guildId === request.guildId && current.channelId === request.channelId && this.connected()) return;
    if (this.session) await this.leave('moving to another voice channel');
    const generation = ++this.generation;
    this.session = new CallSession(request, {
      options: this.options,
      settings: this.settings,
      player: this.player,
      log: this.log,
      clock: this.clock,
      emit: (event) => this.emit(event),
    });
    this.setState({ status: 'starting', detail: `joining voice channel ${request.channelId}` });
    try {
      await this.connect(request, generation);
    } catch (error) {
      if (generation !== this.generation) throw new ChannelError('discord', 'left or moved while joining');
      this.setState({
        status: 'failed',
        detail: `could not join voice channel ${request.channelId}: ${describeError(error)}`,
      });
      await this.dropSession();
      throw new ChannelError('discord', `could not join voice channel ${request.channelId}: ${describeError(error)}`, {
        cause: error,
        transient: true,
        spoken: 'I could not join the voice channel.',
      });
    }
    this.alone.start();
  }

  async leave(reason: string): Promise<void> {
    this.generation += 1;
    this.leaving.abort();
    this.leaving = new AbortController();
    this.alone.stop();
    const hadCall = this.session !== undefined;
    this.dropConnection();
    await this.dropSession();
    if (hadCall) {
      this.log.info('left the voice channel', { reason });
      this.setState({ status: 'idle', detail: `not in a voice channel (left: ${reason})` });
      this.emit({ type: 'connection', status: 'left', detail: reason });
    }
  }

  connected(): boolean {
    return this.connection?.state.status === VoiceConnectionStatus.Ready;
  }

  quiet(): boolean {
    return this.connected() && (this.session?.quiet() ?? false);
  }

  async speak(text: string): Promise<void> {
    if (!this.session || !this.connected()) return;
    await this.session.speak(text);
  }

  health(): ChannelHealth {
    const trouble = this.state.status === 'running' ? this.session?.trouble() : undefined;
    return trouble ? { status: 'running', detail: `${this.state.detail}, but ${trouble}` } : { ...this.state };
  }

  async stop(): Promise<void> {
    await this.leave('sysvox is stopping');
  }

  /** Joins and waits for Ready; on failure the half-made connection is destroyed and the error thrown. */
  private async connect(request: VoiceJoinRequest, generation: number): Promise<void> {
    const connection = joinVoiceChannel({
      guildId: request.guildId,
      channelId: request.channelId,
      adapterCreator: this.options.adapterFor(request.guildId),
      selfDeaf: false,
      selfMute: false,
    });
    if (connection.listenerCount('error') === 0)
      connection.on('error', (error) => this.log.warn('voice connection error', { error: describeError(error) }));
    this.joining = connection;
    const timeout = AbortSignal.timeout(this.settings.readyTimeoutMs);
    try {
      await entersState(connection, VoiceConnectionStatus.Ready, AbortSignal.any([timeout, this.leaving.signal]));
    } catch (error) {
      safeDestroy(connection, this.log);
      if (!timeout.aborted) throw new Error('left the call while joining', { cause: error });
      throw new Error(`the connection was not ready within ${this.settings.readyTimeoutMs} ms`, { cause: error });
    } finally {
      if (this.joining === connection) this.joining = undefined;
    }
    if (generation !== this.generation || !this.session) {
      safeDestroy(connection, this.log);
      throw new Error('left the call while joining');
    }
    this.connection = connection;
    this.session.attach(connection);
    this.unwatch = watchConnection(connection, {
      graceMs: this.settings.reconnectGraceMs,
      readyTimeoutMs: this.settings.readyTimeoutMs,
      log: this.log,
      onRecovered: () => this.onReady(request, 'recovered'),
      onLost: (why) => void this.rejoin(request, generation, why),
    });
    this.onReady(request, 'ready');
  }

  private onReady(request: VoiceJoinRequest, status: 'ready' | 'recovered'): void {
    const detail = `in voice channel ${request.channelId} of guild ${request.guildId}`;
    this.setState({ status: 'running', detail });
    this.emit({ type: 'connection', status, detail });
  }

  /** Rejoins after a drop the library did not recover from, waiting longer before each attempt. */
  private async rejoin(request: VoiceJoinRequest, generation: number, why: string): Promise<void> {
    this.connection = undefined;
    const delays = this.settings.rejoinDelaysMs;
    let lastError = '';
    for (const [index, delay] of delays.entries()) {
      const detail = `voice connection lost (${why}); rejoining, attempt ${index + 1} of ${delays.length}`;
      this.setState({ status: 'starting', detail });
      this.emit({ type: 'connection', status: 'reconnecting', detail });
      await sleep(delay, this.leaving.signal);
      if (generation !== this.generation) return;
      try {
        await this.connect(request, generation);
        return;
      } catch (error) {
        lastError = describeError(error);
        this.log.warn('rejoining the voice channel failed', { attempt: index + 1, error: lastError });
      }
    }
    if (generation !== this.generation) return;
    const detail = `voice is down: connection lost (${why}) and ${delays.length} rejoin attempts failed (last: ${lastError}); use /join to try again`;
    this.log.error('voice is down', { detail });
    this.setState({ status: 'failed', detail });
    this.emit({ type: 'connection', status: 'down', detail });
    this.alone.stop();
  }

  private listenerCount(): number | undefined {
    const request = this.session?.request;
    if (!request || !this.options.listenersIn) return undefined;
    try {
      return this.options.listenersIn(request.guildId, request.channelId);
    } catch (error) {
      this.log.debug('could not count the people in the voice channel', { error: describeError(error) });
      return undefined;
    }
  }

  private dropConnection(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    if (this.joining) safeDestroy(this.joining, this.log);
    this.joining = undefined;
    if (this.connection) safeDestroy(this.connection, this.log);
    this.connection = undefined;
  }

  private async dropSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    await session
      ?.close()
      .catch((error: unknown) => this.log.warn('closing the call failed', { error: describeError(error) }));
  }

  private setState(next: ChannelHealth): void {
    this.state = next;
  }

  private emit(event: DiscordVoiceEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch (error) {
      this.log.debug('a voice event listener threw', { error: describeError(error) });
    }
  }
}

/** Waits, or stops waiting when the signal aborts. */
function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, milliseconds);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
