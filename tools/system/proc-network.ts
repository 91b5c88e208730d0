/**
 * Byte counters per network interface from /proc/net/dev, for the background sampler.
 * systeminformation's networkStats('*') lists the interfaces and then runs a shell with seven `cat`s per
 * interface on every sample; this reads one file. The interfaces are those with an address, as
 * systeminformation lists them (os.networkInterfaces()), so the answer names the same ones.
 */
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';

export interface InterfaceCounters {
  iface: string;
  rx_bytes: number;
  tx_bytes: number;
}

export async function readNetworkCounters(path = '/proc/net/dev'): Promise<InterfaceCounters[]> {
  const listed = new Set(Object.keys(networkInterfaces()));
  return parseNetDev(readFileSync(path, 'utf8')).filter((counters) => listed.has(counters.iface));
}

/** Lines after the two header lines: "  eth0: rxBytes rxPackets ... (8 receive fields) txBytes ...". */
export function parseNetDev(text: string): InterfaceCounters[] {
  return text
    .split('\n')
    .slice(2)
    .flatMap((line) => {
      const colon = line.indexOf(':');
      if (colon < 0) return [];
      const fields = line
        .slice(colon + 1)
        .trim()
        .split(/\s+/)
        .map(Number);
      return [{ iface: line.slice(0, colon).trim(), rx_bytes: fields[0] ?? 0, tx_bytes: fields[8] ?? 0 }];
    });
}
