/**
 * The `metrics:` section as an operator writes it: off by default on 127.0.0.1:9464, and a listen
 * value that is malformed, out of range or off loopback refused with a sentence naming the key and the fix.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sysvox-metrics-config-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function load(lines: string[]) {
  const path = join(folder, 'sysvox.yaml');
  writeFileSync(path, `${['metrics:', '  enabled: true', ...lines].join('\n')}\n`);
  return loadConfig({ env: {}, cwd: folder, path }).config.metrics;
}

function refusal(lines: string[]): string {
  try {
    load(lines);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected the config to be refused');
}

describe('metrics config', () => {
  it('is off by default and would listen on 127.0.0.1:9464', () => {
    const { metrics } = loadConfig({ env: {}, cwd: folder }).config;
    expect(metrics).toEqual({ enabled: false, listen: { host: '127.0.0.1', port: 9464 }, allowNonLoopback: false });
  });

  it('takes loopback addresses: IPv4, IPv6 in brackets, localhost', () => {
    expect(load(['  listen: 127.0.0.1:9100']).listen).toEqual({ host: '127.0.0.1', port: 9100 });
    expect(load(['  listen: "[::1]:9464"']).listen).toEqual({ host: '::1', port: 9464 });
    expect(load(['  listen: localhost:9464']).listen).toEqual({ host: 'localhost', port: 9464 });
  });

  it('refuses a listen value without a port, or with a port out of range, saying the shape to use', () => {
    expect(refusal(['  listen: 127.0.0.1'])).toMatch(/metrics\.listen.*must be a host and a port.*127\.0\.0\.1:9464/s);
    expect(refusal(['  listen: 127.0.0.1:70000'])).toMatch(
      /metrics\.listen.*port 70000 is out of range: use 1 to 65535/s,
    );
    expect(refusal(['  listen: 127.0.0.1:0'])).toMatch(/port 0 is out of range/);
    expect(refusal(['  listen: "[localhost]:9464"'])).toMatch(/not an IPv6 address/);
  });

  it('refuses an address beyond loopback unless allowNonLoopback is set as well', () => {
    expect(refusal(['  listen: 0.0.0.0:9464'])).toMatch(
      /metrics\.listen.*0\.0\.0\.0 is not a loopback address.*metrics\.allowNonLoopback: true/s,
    );
    expect(load(['  listen: 192.168.1.20:9464', '  allowNonLoopback: true']).listen).toEqual({
      host: '192.168.1.20',
      port: 9464,
    });
  });
});
