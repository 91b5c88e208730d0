#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  // Its native modules are built for the project's own Node 22: an older node would crash in them.
  console.error(
    `sysvox needs Node.js 22.12 or newer, and this is ${process.version}: run it as 'npx sysvox' in the checkout ` +
      '(npm puts the Node 22 that setup.sh installed first on PATH), or use the installed /usr/local/bin/sysvox.',
  );
  process.exit(1);
}

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('sysvox is not built yet: run ./scripts/setup.sh (or npm run build) in the checkout.');
  process.exit(1);
}
await import(entry.href);
