/**
 * The host registry the policy asks (createToolRunner's `hosts`): this machine under any of its names,
 * and every configured SSH host under its own. Anything else is refused with one sentence naming the
 * hosts there are, so an approval never binds to a host that does not exist.
 */
import { createLocalHosts, type HostDirectory } from '../../src/toolkit/hosts.js';

export function createHostDirectory(options: { hosts: readonly string[]; hostname?: string }): HostDirectory {
  const local = createLocalHosts({ hostname: options.hostname });
  const configured = new Set(options.hosts.map((name) => name.toLowerCase()));
  return {
    lookup(name) {
      const wanted = name.trim().toLowerCase();
      const here = local.lookup(wanted);
      if (here.ok) return here;
      if (configured.has(wanted)) return { ok: true, host: wanted };
      const known = ['this machine', ...configured].join(', ');
      return { ok: false, message: `I don't know a host called ${wanted.slice(0, 63)}; I know ${known}.` };
    },
  };
}
