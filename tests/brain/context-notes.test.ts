import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContextNotes } from '../../src/brain/context-notes.js';
import { buildSystemMessage } from '../../src/brain/prompt.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sysvox-context-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('context notes', () => {
  it('loads one section per host from the markdown files, in name order, ignoring other files', async () => {
    await writeFile(join(dir, 'nas.md'), 'TrueNAS box at 10.0.0.5; pool "tank".\n');
    await writeFile(join(dir, 'local.md'), 'This machine runs plex and sonarr in Docker.');
    await writeFile(join(dir, 'notes.txt'), 'not a note');
    await writeFile(join(dir, 'empty.md'), '   \n');
    const notes = await loadContextNotes(dir);
    expect(notes).toBe(
      '## local\nThis machine runs plex and sonarr in Docker.\n\n## nas\nTrueNAS box at 10.0.0.5; pool "tank".',
    );
    expect(buildSystemMessage({ facts: [], contextNotes: notes })).toContain('## nas\nTrueNAS box');
  });

  it('cuts a long note and leaves out notes beyond the total budget, saying so', async () => {
    await writeFile(join(dir, 'a.md'), 'x'.repeat(500));
    await writeFile(join(dir, 'b.md'), 'y'.repeat(100));
    await writeFile(join(dir, 'c.md'), 'z'.repeat(100));
    const notes = await loadContextNotes(dir, { maxCharsPerNote: 200, maxTotalChars: 400 });
    expect(notes).toContain(`${'x'.repeat(200)}\n(note cut at 200 characters)`);
    expect(notes).not.toContain('x'.repeat(201));
    expect(notes).toContain('y'.repeat(100));
    expect(notes).not.toContain('zzz');
    expect(notes).toContain('further notes left out');
  });

  it('gives no notes when the directory does not exist or none is configured', async () => {
    expect(await loadContextNotes(join(dir, 'missing'))).toBe('');
    expect(await loadContextNotes(undefined)).toBe('');
  });
});
