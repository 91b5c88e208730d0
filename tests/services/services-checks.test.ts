/** The failed-units alert check over the systemctl stand-in, and over a host it cannot reach. */
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { silentLogger } from '../../src/log.js';
import { createServicesChecks } from '../../tools/services/checks.js';
import { createServicesClient } from '../../tools/services/client.js';
import { createTestHostCommands, type TestHostCommands } from '../helpers/local-host-commands.js';
import { seedUnits, systemctlStandIn } from './systemd-stand-ins.js';

let host: TestHostCommands | undefined;
afterEach(() => host?.close());

function check(failedUnits: Record<string, unknown> = {}) {
  host = createTestHostCommands({ fakes: { systemctl: systemctlStandIn } });
  seedUnits(host.dir);
  const config = configSchema.parse({ services: { failedUnits } }).services.failedUnits;
  const client = createServicesClient({ commands: host.commands });
  return createServicesChecks({ client, hosts: () => ['local', 'nas'], config, log: silentLogger });
}

describe('the failed-units check', () => {
  it('fires one alert per failed unit and covers only the hosts it could ask', async () => {
    const [failed] = check();
    const run = await failed!.run(new AbortController().signal);
    expect(run.observations.map((seen) => [seen.rule, seen.target, seen.host, seen.condition])).toEqual([
      ['unit-failed', 'jellyfin.service', 'local', 'firing'],
      ['unit-failed', 'nfs-server.service', 'local', 'firing'],
    ]);
    expect(run.observations[0]!.summary).toBe('jellyfin has failed on this server');
    expect(run.covers).toEqual([{ rule: 'unit-failed', host: 'local' }]);
  });

  it('leaves out the units the config ignores, by name or pattern', async () => {
    const [failed] = check({ ignore: ['nfs-*'] });
    const run = await failed!.run(new AbortController().signal);
    expect(run.observations.map((seen) => seen.target)).toEqual(['jellyfin.service']);
  });

  it('is not there when turned off, and a wrong ignore pattern is explained', () => {
    expect(check({ enabled: false })).toEqual([]);
    const parsed = configSchema.safeParse({ services: { failedUnits: { ignore: ['x; rm'] } } });
    expect(parsed.error?.issues[0]?.message).toBe(
      'must be a unit name or a pattern with * and ?, like "backup-*.service"',
    );
  });
});
