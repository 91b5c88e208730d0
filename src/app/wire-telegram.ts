/**
 * Binds the Telegram channel's ports to the core, the policy runner and SQLite (part of main.ts's wiring).
 * Approval buttons resolve through core.resolveApproval, the one way into approvals.
 */
import { createTelegramChannel, type TelegramChannel } from '../../channels/telegram/telegram-channel.js';
import type { AuditSink, PendingApprovals } from '../../channels/telegram/ports.js';
import type { Config } from '../config/schema.js';
import { buttonApprovals } from './button-approvals.js';
import type { Core } from '../core/turn.js';
import type { Logger } from '../log.js';
import type { Memory } from '../memory/memory.js';
import type { ToolRunner } from '../policy/tool-runner.js';
import type { SpeechToText } from '../../voice/stt/stt.js';
import type { TextToSpeech } from '../../voice/tts/tts.js';

export interface TelegramWiringOptions {
  config: Config;
  core: Core;
  runner: ToolRunner;
  memory: Memory;
  stt: SpeechToText;
  tts: TextToSpeech;
  log: Logger;
}

export function wireTelegram(wiring: TelegramWiringOptions): TelegramChannel {
  const { memory, runner, config } = wiring;
  const personFor = (externalId: string) => memory.people.resolve({ channel: 'telegram', externalId });
  // The buttons answer through the core's one entry, like the CLI, chat and voice.
  const approvals = buttonApprovals(wiring.core);
  // An approver may decide anyone's request, so sees them all.
  const pendingFor: PendingApprovals = (externalId) =>
    runner.pending(config.policy.approvers.includes(`telegram:${externalId}`) ? undefined : personFor(externalId).id);
  const audit: AuditSink = {
    record: ({ kind, channel, detail }) =>
      memory.audit.record({
        kind,
        channel,
        detail: typeof detail === 'string' ? detail : JSON.stringify(detail),
        outcome: 'ignored',
      }),
  };
  return createTelegramChannel({
    config,
    core: wiring.core,
    approvals,
    pendingFor,
    stt: wiring.stt,
    tts: wiring.tts,
    kv: memory.kv,
    audit,
    log: wiring.log, // the channel narrows it to 'telegram' itself
  });
}
