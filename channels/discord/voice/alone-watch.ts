/**
 * Leaves the call when sysvox has been alone in it (no person, only bots) for N minutes. Checked on an
 * interval; a count that cannot be read (no member cache) never makes sysvox leave.
 */
import type { DiscordVoiceSettings } from './voice-options.js';

export interface AloneWatchOptions {
  settings: Pick<DiscordVoiceSettings, 'leaveWhenAloneMinutes' | 'aloneCheckMs'>;
  clock: () => number;
  /** People in the channel now, or undefined when unknown. */
  count(): number | undefined;
  onAlone(): void;
}

export class AloneWatch {
  private timer: NodeJS.Timeout | undefined;
  private aloneSince: number | undefined;

  constructor(private readonly options: AloneWatchOptions) {}

  start(): void {
    this.stop();
    if (this.options.settings.leaveWhenAloneMinutes <= 0) return;
    this.timer = setInterval(() => this.check(), this.options.settings.aloneCheckMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.aloneSince = undefined;
  }

  /** One check (the interval calls it; a test may too). */
  check(): void {
    const people = this.options.count();
    if (people === undefined || people > 0) {
      this.aloneSince = undefined;
      return;
    }
    const now = this.options.clock();
    this.aloneSince ??= now;
    if (now - this.aloneSince >= this.options.settings.leaveWhenAloneMinutes * 60_000) {
      this.stop();
      this.options.onAlone();
    }
  }
}
