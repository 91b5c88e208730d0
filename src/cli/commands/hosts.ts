/**
 * `sysvox hosts add | list | check`: add an SSH host after showing its key's fingerprint and asking,
 * list the configured hosts, and try each one now.
 */
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { addHostToConfigFile } from '../../config/add-host.js';
import { findConfigFile, loadConfig } from '../../config/load.js';
import { ConfigError } from '../../errors.js';
import { neutraliseControls } from '../../toolkit/terminal-safe.js';
import { createHostCommands } from '../../../tools/ssh/host-commands.js';
import { checkLogin, probeHostKey } from '../../../tools/ssh/host-key-probe.js';

interface AddOptions {
  port: string;
  user: string;
  key: string;
  yes?: boolean;
}

async function confirm(question: string): Promise<boolean> {
  const reader = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await reader.question(question)).trim());
  } finally {
    reader.close();
  }
}

async function addHost(name: string, address: string, options: AddOptions, command: Command): Promise<void> {
  const global = command.optsWithGlobals() as { config?: string };
  const path = findConfigFile({ path: global.config });
  if (!path) throw new ConfigError('no config file to add the host to: pass --config <path> or create ./sysvox.yaml');
  const host = { name, address, port: Number(options.port), user: options.user, keyPath: options.key };
  if (!Number.isInteger(host.port) || host.port < 1 || host.port > 65535)
    throw new ConfigError(`--port ${options.port} is not a port number (1 to 65535)`);
  const offered = await probeHostKey(host);
  process.stdout.write(`${name} (${address}:${host.port}) offers ${offered.type} ${offered.fingerprint}\n`);
  process.stdout.write(
    `Compare it with the host's own: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub (on ${name})\n`,
  );
  if (!options.yes) {
    if (!process.stdin.isTTY) throw new ConfigError('not a terminal: pass --yes to trust the key shown above');
    if (!(await confirm(`Trust this key and add ${name}? [y/N] `))) {
      process.stdout.write('Not added.\n');
      return;
    }
  }
  const pinned = { ...host, hostKey: offered.fingerprint };
  addHostToConfigFile(path, pinned);
  process.stdout.write(`Added ${name} to ${path} with hostKey ${offered.fingerprint}.\n`);
  const login = await checkLogin(pinned);
  if (login) process.stdout.write(`But the login does not work yet: ${neutraliseControls(login)}\n`);
  else process.stdout.write(`Logged in to ${name} as ${host.user}: it works. Restart sysvox to use it.\n`);
}

export function registerHosts(program: Command): void {
  const hosts = program.command('hosts').description('other servers reached over SSH');
  hosts
    .command('add <name> <address>')
    .description('connect once, show the host key fingerprint, ask, and add the host to the config')
    .option('--port <port>', 'SSH port', '22')
    .option('--user <user>', 'user to log in as', 'sysvox')
    .option('--key <path>', 'private key to log in with', '/etc/sysvox/id_ed25519')
    .option('--yes', 'trust the key shown without asking (for scripts)')
    .action((name: string, address: string, options: AddOptions, command: Command) =>
      addHost(name, address, options, command),
    );
  hosts
    .command('list')
    .description('the configured hosts and their pinned keys')
    .action((_options: unknown, command: Command) => {
      const global = command.optsWithGlobals() as { config?: string };
      const { config } = loadConfig({ path: global.config });
      if (config.hosts.length === 0) process.stdout.write('No hosts configured: sysvox hosts add <name> <address>\n');
      for (const host of config.hosts)
        process.stdout.write(
          `${host.name}\t${host.user}@${host.address}:${host.port}\t${host.hostKey ?? `known_hosts ${host.knownHostsPath}`}\n`,
        );
    });
  hosts
    .command('check')
    .description('try every configured host now and say which answer')
    .action(async (_options: unknown, command: Command) => {
      const global = command.optsWithGlobals() as { config?: string };
      const { config } = loadConfig({ path: global.config });
      const commands = createHostCommands({ hosts: config.hosts });
      try {
        const results = await Promise.all(
          config.hosts.map((host) =>
            commands.run(host.name, ['true'], { timeoutMs: 8000 }).then(
              () => `${host.name}: ok`,
              (error: Error) => `${host.name}: ${neutraliseControls(error.message)}`,
            ),
          ),
        );
        for (const line of results) process.stdout.write(`${line}\n`);
        if (results.some((line) => !line.endsWith(': ok'))) process.exitCode = 1;
      } finally {
        commands.close();
      }
    });
}
