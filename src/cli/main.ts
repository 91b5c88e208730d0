import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { packageRoot } from '../../models/model-files.js';
import { describeError } from '../errors.js';
import { neutraliseControls } from '../toolkit/terminal-safe.js';
import { registerAlerts } from './commands/alerts.js';
import { registerApprovals } from './commands/approvals.js';
import { registerAsk } from './commands/ask.js';
import { registerAudit } from './commands/audit.js';
import { registerChat } from './commands/chat.js';
import { registerConfig } from './commands/config.js';
import { registerDoctor } from './commands/doctor.js';
import { registerHosts } from './commands/hosts.js';
import { registerRun } from './commands/run.js';
import { registerDevices } from './commands/devices.js';
import { registerListen } from './commands/listen.js';
import { registerModels } from './commands/models.js';
import { registerSay } from './commands/say.js';
import { registerTimings } from './commands/timings.js';

function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return `sysvox ${version} (Node.js ${process.version})`;
}

const program = new Command()
  .name('sysvox')
  .description('Local-first voice assistant for your home server')
  .version(packageVersion(), '-V, --version', 'print the version and the Node.js it runs on')
  .option('-c, --config <path>', 'config file (default: $SYSVOX_CONFIG, ./sysvox.yaml, /etc/sysvox/config.yaml)')
  .showHelpAfterError();

for (const register of [
  registerAsk,
  registerChat,
  registerApprovals,
  registerAlerts,
  registerAudit,
  registerConfig,
  registerDoctor,
  registerHosts,
  registerRun,
  registerListen,
  registerSay,
  registerDevices,
  registerModels,
  registerTimings,
]) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Operator-facing: what failed and how to fix it, never a stack trace.
  process.stderr.write(`sysvox: ${neutraliseControls(describeError(error))}\n`);
  process.exitCode = 1;
}
