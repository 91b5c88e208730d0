/** One line of `sysvox doctor`: what was checked, how it went, and the fix when it did not. */
export interface EngineProbe {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix?: string;
}
