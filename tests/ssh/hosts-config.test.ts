/** The hosts section of the config: what a person writes is accepted, and each mistake gets a clear message. */
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';

const pin = 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU';
const base = { name: 'nas', address: '192.168.1.20', keyPath: '/etc/sysvox/id_ed25519', hostKey: pin };

function problems(hosts: unknown): string[] {
  const parsed = configSchema.safeParse({ hosts });
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('hosts in the config', () => {
  it('takes a host with its pinned fingerprint, with defaults for port and user', () => {
    const config = configSchema.parse({ hosts: [base, { ...base, name: 'tank', hostKey: `${pin}=`, port: 2222 }] });
    expect(config.hosts[0]).toMatchObject({ name: 'nas', port: 22, user: 'sysvox' });
    expect(config.hosts[1]).toMatchObject({ port: 2222 });
    expect(configSchema.parse({}).hosts).toEqual([]);
  });

  it('takes a known_hosts file instead of a fingerprint', () => {
    const { hostKey: _hostKey, ...unpinned } = base;
    expect(problems([{ ...unpinned, knownHostsPath: '/etc/sysvox/known_hosts' }])).toEqual([]);
  });

  it('says how to pin a host that has no pin', () => {
    const { hostKey: _hostKey, ...unpinned } = base;
    expect(problems([unpinned])).toEqual([
      expect.stringMatching(/^hosts\.0\.hostKey: pin the host key: .*sysvox hosts add/),
    ]);
  });

  it('refuses a fingerprint that is not one, a hex digest, a reserved or repeated name, and a typo', () => {
    expect(problems([{ ...base, hostKey: 'SHA256:abc' }])[0]).toMatch(/looks like SHA256:/);
    expect(problems([{ ...base, hostKey: 'a'.repeat(64) }])[0]).toMatch(/looks like SHA256:/);
    expect(problems([{ ...base, name: 'local' }])[0]).toMatch(/are taken/);
    expect(problems([{ ...base, name: 'My NAS' }])[0]).toMatch(/lowercase word/);
    expect(problems([base, base])).toEqual(['hosts.1.name: host "nas" is listed twice']);
    expect(problems([{ ...base, adress: 'x' }])[0]).toMatch(/adress/);
    expect(problems([{ ...base, address: 'nas; reboot' }])[0]).toMatch(/host name or an IP address/);
  });
});
