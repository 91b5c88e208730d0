#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('sysvox is not built yet: run ./scripts/setup.sh (or npm run build) in the checkout.');
  process.exit(1);
}
await import(entry.href);
