import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/model-mirror.global.ts', 'tests/setup/docker-engine.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Docker, whisper and audio tests share real engines on this machine: keep file parallelism modest.
    maxWorkers: 2,
  },
});
