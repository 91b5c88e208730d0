/**
 * The {unit} slot: known units by their name without ".service", never a container's or a host's name,
 * "docker" said bare left to the Docker area, and the names read from the hosts without holding up a turn.
 */
import { describe, expect, it } from 'vitest';
import { createUnitNames, unitSlot } from '../../tools/services/unit-slot.js';

const units = ['jellyfin.service', 'docker.service', 'nas.service', 'nfs-server.service'];
const slot = unitSlot(async () => units);
const resolve = (phrase: string, vocabulary: Record<string, string[]> = {}) =>
  slot.resolve(phrase.split(' '), units, { unit: units, ...vocabulary });

describe('the unit slot', () => {
  it('finds a unit by its spoken name, with or without its noun', () => {
    expect(resolve('jellyfin')).toBe('jellyfin.service');
    expect(resolve('nfs server')).toBe('nfs-server.service');
    expect(resolve('jellyfin service')).toBe('jellyfin.service');
    expect(resolve('plex')).toBeNull();
  });

  it('leaves containers, hosts and a bare "docker" to the other areas', () => {
    expect(resolve('jellyfin', { container: ['jellyfin'] })).toBeNull();
    expect(resolve('nas', { host: ['nas'] })).toBeNull();
    expect(resolve('docker')).toBeNull();
    expect(resolve('docker service')).toBe('docker.service');
  });

  it('gives the names it has when a host is slow, and reads each host once while fresh', async () => {
    let reads = 0;
    const names = createUnitNames({
      hosts: () => ['local', 'slow'],
      names: (host) => {
        reads += 1;
        return host === 'slow' ? new Promise(() => {}) : Promise.resolve(['nginx.service']);
      },
      waitMs: 50,
    });
    expect(await names()).toEqual(['nginx.service']);
    expect(await names()).toEqual(['nginx.service']);
    expect(reads).toBe(2);
  });
});
