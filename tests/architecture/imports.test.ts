/**
 * The core depends on interfaces only: no folder of the core imports voice/, channels/, tools/ or models/,
 * nor the wiring (src/app, src/cli), and inside the core every arrow points down the layers below.
 * A wrong import fails here with the file and the line.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const checkout = resolve(import.meta.dirname, '..', '..');

/** Lower layers first; a module may import its own folder and any layer below its own. */
const layers: string[][] = [
  ['types.ts', 'errors.ts', 'log.ts', 'pause.ts', 'probe.ts', 'backoff.ts', 'keep-starting.ts'],
  ['toolkit'],
  ['config', 'memory'],
  ['policy'],
  ['router', 'brain'],
  ['core'],
  ['alerts'],
];
const coreParts = layers.flat();

function filesUnder(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })) return [];
  if (statSync(path).isFile()) return path.endsWith('.ts') ? [path] : [];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** Relative imports of a file (static, dynamic and re-exports), with their line numbers. */
function importsOf(file: string): { target: string; line: number }[] {
  const found: { target: string; line: number }[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)) {
        found.push({ target: resolve(dirname(file), match[1]!), line: index + 1 });
      }
    });
  return found;
}

/** The core part a path belongs to ('router', 'types.ts'), or undefined outside src/'s core. */
function partOf(src: string, path: string): string | undefined {
  const inside = relative(src, path);
  if (inside.startsWith('..')) return undefined;
  const first = inside.split('/')[0]!;
  const part = first.endsWith('.js') ? first.replace(/\.js$/, '.ts') : first;
  return coreParts.includes(part) ? part : undefined;
}

const layerOf = (part: string) => layers.findIndex((layer) => layer.includes(part));

/** Lateral imports are fine among the root files; elsewhere a module imports only layers below its own. */
function upward(from: string, to: string): boolean {
  if (from === to) return false;
  return layerOf(from) === 0 ? layerOf(to) > 0 : layerOf(to) >= layerOf(from);
}

function violations(checkout: string): string[] {
  const src = join(checkout, 'src');
  const problems: string[] = [];
  for (const part of coreParts) {
    for (const file of filesUnder(join(src, part))) {
      for (const { target, line } of importsOf(file)) {
        const where = `${relative(checkout, file)}:${line} imports ${relative(checkout, target)}`;
        const targetPart = partOf(src, target);
        if (targetPart === undefined) problems.push(`${where} (outside the core)`);
        else if (upward(part, targetPart)) problems.push(`${where} (an upward arrow)`);
      }
    }
  }
  return problems;
}

describe('the core imports interfaces only', () => {
  it('no core folder imports voice/, channels/, tools/, models/, src/app or src/cli, and no arrow points up', () => {
    expect(violations(checkout)).toEqual([]);
  });

  it('the shared types module is a leaf that imports nothing', () => {
    expect(importsOf(join(checkout, 'src', 'types.ts'))).toEqual([]);
  });

  it('reports a router file that imports a tool area, and a policy file that imports the core', () => {
    const planted = mkdtempSync(join(tmpdir(), 'sysvox-imports-'));
    try {
      for (const folder of ['src/router', 'src/policy', 'src/core'])
        mkdirSync(join(planted, folder), { recursive: true });
      writeFileSync(join(planted, 'src/router/answers.ts'), "import type { X } from '../../tools/docker/types.js';\n");
      writeFileSync(
        join(planted, 'src/policy/run.ts'),
        "import { y } from '../types.js';\nimport { z } from '../core/core.js';\n",
      );
      expect(violations(planted)).toEqual([
        'src/policy/run.ts:2 imports src/core/core.js (an upward arrow)',
        'src/router/answers.ts:1 imports tools/docker/types.js (outside the core)',
      ]);
    } finally {
      rmSync(planted, { recursive: true, force: true });
    }
  });
});
