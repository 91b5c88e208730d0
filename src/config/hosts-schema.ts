import { z } from 'zod';

/** What a host may be called: a word the router and the recogniser can use ("nas", "media-box"). */
export const hostNamePattern = /^[a-z][a-z0-9-]{0,31}$/;

/** Names that always mean this machine; no configured host may take one. */
export const reservedHostNames = ['local', 'localhost', 'all', 'every', 'here', 'this'] as const;

/** OpenSSH's fingerprint form, as `ssh-keygen -lf` and `ssh` print it: SHA256: and unpadded base64 (padding accepted). */
export const fingerprintPattern = /^SHA256:[A-Za-z0-9+/]{43}=?$/;

const hostSchema = z
  .strictObject({
    /** How people say it: "nas", "media-box". */
    name: z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        hostNamePattern,
        'a host name is a lowercase word of letters, digits and dashes, like "nas" or "media-box"',
      )
      .refine((name) => !(reservedHostNames as readonly string[]).includes(name), {
        message: `"local", "localhost", "all", "every", "here" and "this" are taken; choose another host name`,
      }),
    /** A DNS name or IP address. */
    address: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.:[\]-]+$/, 'an address is a host name or an IP address, like 192.168.1.20 or nas.lan'),
    port: z.number().int().min(1).max(65535).default(22),
    user: z
      .string()
      .regex(/^[a-z_][a-z0-9_.-]{0,31}$/i, 'a user name like "sysvox" or "root"')
      .default('sysvox'),
    /** The private key sysvox logs in with (OpenSSH or PEM format, not passphrase protected). */
    keyPath: z.string().min(1),
    /** The pinned host key: OpenSSH's SHA256 fingerprint, as `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` prints it. */
    hostKey: z
      .string()
      .trim()
      .regex(fingerprintPattern, 'a host key fingerprint looks like SHA256:Jx0f... (43 characters after SHA256:)')
      .optional(),
    /** Or a known_hosts file holding this host's key (one of hostKey and knownHostsPath is needed). */
    knownHostsPath: z.string().min(1).optional(),
    /** A markdown file with notes on this host, added to the brain's prompt (as data) when a question is about it. */
    notePath: z.string().min(1).optional(),
  })
  .refine((host) => host.hostKey !== undefined || host.knownHostsPath !== undefined, {
    message:
      'pin the host key: set hostKey to its SHA256 fingerprint or knownHostsPath to a known_hosts file (sysvox hosts add does it for you)',
    path: ['hostKey'],
  });

export const hostsSchema = z
  .array(hostSchema)
  .max(64)
  .superRefine((hosts, context) => {
    const seen = new Set<string>();
    hosts.forEach((host, index) => {
      if (seen.has(host.name))
        context.addIssue({ code: 'custom', path: [index, 'name'], message: `host "${host.name}" is listed twice` });
      seen.add(host.name);
    });
  })
  .default([]);

export type HostConfig = z.infer<typeof hostSchema>;
