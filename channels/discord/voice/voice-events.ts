/** What the Discord voice side reports as it works: logs, tests and /status read these. */
export type DiscordVoiceEvent =
  | { type: 'ignored'; userId: string }
  | { type: 'heard'; userId: string; text: string }
  | { type: 'nothing-heard'; userId: string }
  | { type: 'answered'; userId: string; text: string; cutShort: boolean }
  | { type: 'barge-in'; userId: string; by: 'wake-word' | 'stop-word' }
  | { type: 'connection'; status: 'ready' | 'reconnecting' | 'recovered' | 'down' | 'left'; detail: string };
