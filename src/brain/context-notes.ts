import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ContextNotesOptions {
  /** Characters kept per note; the rest is cut with a note saying so. */
  maxCharsPerNote?: number;
  /** Characters kept over all notes together. */
  maxTotalChars?: number;
  readDirectory?: (dir: string) => Promise<string[]>;
  readText?: (path: string) => Promise<string>;
}

/**
 * Loads the owner's markdown notes from a context directory, one file per host (local.md, nas.md),
 * like CLAUDE.md loading: each becomes a "## <host>" section of the prompt, cut to a size budget.
 * A missing directory means no notes.
 */
export async function loadContextNotes(dir: string | undefined, options: ContextNotesOptions = {}): Promise<string> {
  if (!dir) return '';
  const maxPerNote = options.maxCharsPerNote ?? 4000;
  const maxTotal = options.maxTotalChars ?? 12_000;
  const readDirectory = options.readDirectory ?? ((path: string) => readdir(path));
  const readText = options.readText ?? ((path: string) => readFile(path, 'utf8'));
  let names: string[];
  try {
    names = (await readDirectory(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return '';
    throw error;
  }
  const sections: string[] = [];
  let total = 0;
  for (const name of names) {
    const text = (await readText(join(dir, name))).trim();
    if (text === '') continue;
    const section = `## ${name.slice(0, -'.md'.length)}\n${cut(text, maxPerNote)}`;
    if (total + section.length > maxTotal) {
      sections.push(`(further notes left out: over ${maxTotal} characters)`);
      break;
    }
    sections.push(section);
    total += section.length;
  }
  return sections.join('\n\n');
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\n(note cut at ${max} characters)`;
}
