import { describeError } from '../src/errors.js';
import type { EngineProbe } from '../src/probe.js';

interface ProbedEngine {
  readonly name: string;
  probe(): Promise<EngineProbe>;
}

/** Each engine's own `sysvox doctor` line, in order; a probe that throws is a fail line. */
export function probeEach(kind: string, engines: readonly ProbedEngine[]): Promise<EngineProbe[]> {
  return Promise.all(
    engines.map((engine) =>
      engine.probe().catch((error: unknown): EngineProbe => ({
        name: `${kind}:${engine.name}`,
        status: 'fail',
        detail: describeError(error),
      })),
    ),
  );
}

/**
 * One line for a fallback chain: ok when its first engine is, warn when only a later one is usable,
 * fail when none is; the first fix any engine names.
 */
export async function probeChain(kind: string, engines: readonly ProbedEngine[]): Promise<EngineProbe> {
  const probes = await probeEach(kind, engines);
  const status = probes[0]?.status === 'ok' ? 'ok' : probes.some((probe) => probe.status !== 'fail') ? 'warn' : 'fail';
  const detail = probes.map((probe) => `${probe.name} ${probe.status}: ${probe.detail}`).join('; ');
  const fix = probes.find((probe) => probe.fix)?.fix;
  return { name: kind, status, detail, ...(fix ? { fix } : {}) };
}
