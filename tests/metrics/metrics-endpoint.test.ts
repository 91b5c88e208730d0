/**
 * The metrics endpoint as an operator scrapes it: the real app (config file, SQLite, router, brain
 * against the fake Ollama, policy, tools) started with `metrics.enabled`, a few turns, then GET
 * /metrics over HTTP, read by a strict exposition-format parser, and GET /healthz.
 */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createServiceNotifier } from '../../src/app/service-notify.js';
import { startHeartbeat } from '../../src/app/service-heartbeat.js';
import type { App } from '../../src/app/main.js';
import type { AlertRecord } from '../../src/memory/alerts.js';
import { startFakeOllama, type FakeOllama } from '../fakes/fake-ollama.js';
import { ask, closedPortUrl, createCoreTestApp, doneOf, type CoreTestApp } from '../core/core-test-app.js';
import { parsePrometheusText, valueOf } from './prometheus-text.js';

let fake: FakeOllama | undefined;
let test: CoreTestApp | undefined;
let blocker: Server | undefined;
const stops: (() => void)[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await test?.close();
  await fake?.close();
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  test = fake = blocker = undefined;
});

async function freePort(): Promise<number> {
  return Number(new URL(await closedPortUrl()).port);
}

/** The app with metrics on 127.0.0.1:<port>, the microphone off (this machine has none). */
async function appWithMetrics(port: number, yaml: string[] = []): Promise<CoreTestApp> {
  fake ??= await startFakeOllama({ turns: [] });
  test = await createCoreTestApp({
    ollamaHost: fake.url,
    yaml: ['voice:', '  enabled: false', 'metrics:', '  enabled: true', `  listen: 127.0.0.1:${port}`, ...yaml],
  });
  return test;
}

function urlOf(app: App, path: string): string {
  const address = app.metricsAddress();
  if (!address) throw new Error('the metrics endpoint is not listening');
  return `http://${address.host}:${address.port}${path}`;
}

async function scrape(app: App) {
  const response = await fetch(urlOf(app, '/metrics'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parsePrometheusText(await response.text());
}

function firingAlert(app: App, severity: AlertRecord['severity']): AlertRecord {
  const at = new Date();
  const fingerprint = `metrics-test/${severity}`;
  return {
    id: app.memory.alerts.newId(fingerprint),
    fingerprint,
    source: 'metrics-test',
    rule: 'metrics-test',
    target: `target-${severity}`,
    host: 'local',
    severity,
    state: 'firing',
    summary: 'a test alert',
    recovery: 'the test alert cleared',
    value: null,
    action: null,
    activeSince: at,
    firedAt: at,
    resolvedAt: null,
    lastFiringAt: at,
    clearSince: null,
    notifications: 0,
    announcedSeverity: null,
    lastNotifiedAt: null,
    recoveryOwed: false,
    recoveryNotified: false,
    approvalId: null,
    acknowledgedBy: null,
  };
}

describe('the metrics endpoint', () => {
  it('counts router and brain turns, tool calls and stage times as they happened', async () => {
    fake = await startFakeOllama({
      turns: [
        { toolCalls: [{ name: 'cpu_usage', arguments: {} }] },
        { content: ['The processor is mostly idle.'] },
        { toolCalls: [{ name: 'wipe every disk now', arguments: {} }] },
        { content: ['I cannot do that.'] },
      ],
    });
    const { app } = await appWithMetrics(await freePort());
    await app.start();
    for (let turn = 0; turn < 3; turn++)
      expect(doneOf((await ask(app, 'what is the cpu usage')).events).source).toBe('router');
    expect(doneOf((await ask(app, 'is the processor busy at all today')).events).source).toBe('brain');
    expect(doneOf((await ask(app, 'please tidy up the disks for me')).events).source).toBe('brain');
    app.memory.alerts.save(firingAlert(app, 'critical'));

    const families = await scrape(app);
    expect(valueOf(families, 'sysvox_turns_total', { channel: 'cli', source: 'router' })).toBe(3);
    expect(valueOf(families, 'sysvox_turns_total', { channel: 'cli', source: 'brain' })).toBe(2);
    // The router answers from system_status; the model called cpu_usage; its invented tool is refused as "unknown".
    expect(valueOf(families, 'sysvox_tool_calls_total', { tool: 'system_status', outcome: 'ok' })).toBe(3);
    expect(valueOf(families, 'sysvox_tool_calls_total', { tool: 'cpu_usage', outcome: 'ok' })).toBe(1);
    expect(valueOf(families, 'sysvox_tool_calls_total', { tool: 'unknown', outcome: 'refused' })).toBe(1);
    expect(JSON.stringify([...families.values()])).not.toContain('wipe every disk');
    const stageCount = (stage: string) =>
      valueOf(families, 'sysvox_stage_seconds_count', { stage }, 'sysvox_stage_seconds');
    expect(stageCount('router')).toBe(3);
    expect(stageCount('brain')).toBe(2);
    // This machine's own checks may fire too (a full disk): the gauge must match the store, ours included.
    const firing = app.memory.alerts.list({ states: ['firing'] });
    expect(firing.filter((alert) => alert.severity === 'critical').length).toBeGreaterThanOrEqual(1);
    for (const severity of ['info', 'warning', 'critical'] as const)
      expect(valueOf(families, 'sysvox_alerts_firing', { severity }), severity).toBe(
        firing.filter((alert) => alert.severity === severity).length,
      );
    expect(families.get('sysvox_stage_seconds')?.type).toBe('histogram');
    // prom-client's process metrics, in the same private registry.
    expect(families.get('process_resident_memory_bytes')?.type).toBe('gauge');
    expect(valueOf(families, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  }, 30_000);

  it('/healthz says ok while the event loop ticks on time, 503 when the heartbeat says it is blocked', async () => {
    const { app } = await appWithMetrics(await freePort());
    const notifier = createServiceNotifier({ log: app.log, env: {} });
    const heartbeat = startHeartbeat({ notifier, status: () => 'test', log: app.log, statusIntervalMs: 1000 });
    stops.push(heartbeat.stop);
    await app.start({ loopHealth: heartbeat.health });
    const healthy = await fetch(urlOf(app, '/healthz'));
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: 'ok', core: 'up', eventLoop: 'ok' });
    expect((await fetch(urlOf(app, '/nothing-here'))).status).toBe(404);

    const blocked = await appWithBlockedLoop();
    const unhealthy = await fetch(urlOf(blocked, '/healthz'));
    expect(unhealthy.status).toBe(503);
    expect(await unhealthy.json()).toMatchObject({ status: 'unhealthy', eventLoop: 'blocked', lagMs: 45_000 });
  }, 30_000);

  it('a port already taken is logged with its fix, and the service still answers', async () => {
    blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker!.listen(0, '127.0.0.1', () => resolve((blocker!.address() as { port: number }).port)),
    );
    const { app, logLines } = await appWithMetrics(port);
    await app.start();
    expect(app.metricsAddress()).toBeUndefined();
    const logged = logLines.find((line) => line.includes('metrics endpoint not started'));
    expect(logged).toContain(`another program uses port ${port}`);
    expect(doneOf((await ask(app, 'what is the cpu usage')).events).source).toBe('router');
  }, 30_000);

  it('is off by default: nothing listens and no metric is kept', async () => {
    fake = await startFakeOllama({ turns: [] });
    test = await createCoreTestApp({ ollamaHost: fake.url, yaml: ['voice:', '  enabled: false'] });
    expect(test.app.loaded.config.metrics).toMatchObject({ enabled: false, listen: { host: '127.0.0.1', port: 9464 } });
    await test.app.start();
    expect(test.app.metricsAddress()).toBeUndefined();
    expect(test.logLines.some((line) => line.includes('metrics endpoint'))).toBe(false);
  }, 30_000);
});

/** A second app whose heartbeat reports the loop blocked (lag 45 s), as the watchdog would see it. */
async function appWithBlockedLoop(): Promise<App> {
  const first = test!;
  await first.app.close();
  const second = await appWithMetrics(await freePort());
  await second.app.start({ loopHealth: () => ({ healthy: false, lagMs: 45_000 }) });
  return second.app;
}
