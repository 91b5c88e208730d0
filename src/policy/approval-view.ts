import type { ApprovalView } from '../types.js';
import type { ApprovalRecord } from '../memory/approvals.js';
import type { AnyTool } from '../toolkit/tool.js';

/** What a spoken confirmation must name, and the phrase to say: "plex-server", "yes, restart plex-server". */
export function confirmWording(tool: AnyTool, input: unknown): { target: string; phrase: string } {
  const description = tool.describeCall(input);
  const target = tool.confirmTarget?.(input)?.trim();
  if (!target) return { target: description, phrase: `yes, ${description}` };
  // "restart container 'plex-server'" -> "restart": the verb a person would say.
  const verb = description.split(/\s+/)[0] ?? tool.name;
  return { target, phrase: `yes, ${verb} ${target}` };
}

export function toApprovalView(record: ApprovalRecord): ApprovalView {
  return {
    id: record.id,
    tool: record.tool,
    description: record.description,
    expiresAt: record.expiresAt,
    confirmPhrase: record.confirmPhrase,
  };
}

function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

/** True when the spoken text names the target as whole words ("yes, restart plex server" names "plex-server"). */
export function namesTarget(spokenText: string | undefined, target: string): boolean {
  if (!spokenText) return false;
  const wanted = normalise(target);
  return wanted.trim().length > 0 && normalise(spokenText).includes(wanted);
}
