/**
 * The one shape every channel has (the microphone, Telegram, later Discord and ntfy). The app starts
 * each enabled channel the same way, with backoff, and the core (alerts, approvals a system caller
 * made) reaches people through notify().
 */
import type { ApprovalView, ChannelName } from '../types.js';

export type NoticeSeverity = 'info' | 'warning' | 'critical';

/** Something sysvox says without being asked: an alert, a recovery, an offered action. */
export interface Notice {
  /** Stable per subject ("alert:disk:/mnt/tank"): a channel may replace or drop an older notice with the same key. */
  key: string;
  severity: NoticeSeverity;
  /** One or two sentences that read well and can be spoken. */
  text: string;
  /** Approvals offered with the notice ("Shall I restart it?"): buttons on a chat, a spoken confirm phrase. */
  actions?: ApprovalView[];
}

/** What became of a notice on one channel: delivered, queued until the channel is free, or not delivered. */
export interface NoticeDelivery {
  status: 'delivered' | 'queued' | 'skipped' | 'failed';
  /** Why it was skipped or failed ("muted", "no push chats configured"), or where it went. */
  detail: string;
}

export type ChannelStatus = 'idle' | 'starting' | 'running' | 'stopped' | 'failed';

export interface ChannelHealth {
  status: ChannelStatus;
  /** One line for `sysvox doctor`, the service status and the logs. */
  detail: string;
}

export interface Channel {
  readonly name: ChannelName;
  /**
   * Starts the channel and resolves once it runs (the microphone keeps running in the background until
   * the signal aborts or stop() is called). Throws a SysvoxError: transient ones are retried with backoff
   * by the app, fatal ones (a wrong token) are logged with their fix and not retried.
   */
  start(signal: AbortSignal): Promise<void>;
  stop(): Promise<void>;
  health(): ChannelHealth;
  notify(notice: Notice): Promise<NoticeDelivery>;
}
