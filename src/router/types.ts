/**
 * The router's shapes: what the core hands in (Vocabulary), what a template is, what a match returns.
 */
import type { ApprovalView } from '../types.js';

export type IntentName =
  | 'status' | 'cpu' | 'memory' | 'top_memory' | 'top_cpu' | 'disk' | 'temperature' | 'uptime' | 'load'
  | 'list_containers' | 'unhealthy_containers' | 'container_status' | 'container_logs'
  | 'container_restart' | 'container_stop' | 'container_start'
  | 'confirm' | 'deny' | 'help' | 'remember' | 'forget';

/** Names the router may fill slots with: from Docker, config and the filesystem list. */
export interface Vocabulary {
  containers: string[];
  hosts: string[];
  mounts: string[];
}

export interface RouterSlots {
  container?: string;
  mount?: string;
  host?: string;
  metric?: string;
  fact?: string;
  query?: string;
}

export interface RouterMatch {
  intent: IntentName;
  slots: RouterSlots;
  /** The pattern that matched, as written in templates.ts. */
  template: string;
  /** The utterance after normalisation ("yes restart plex"); the core checks spoken confirmations on it. */
  normalized: string;
}

/** Whether the help text lists a template as something to ask or something to do. */
export type HelpKind = 'ask' | 'do';

export interface Template {
  intent: IntentName;
  /** Patterns in the syntax of template-syntax.md, tried in order. */
  patterns: string[];
  /** Slots every match of this template carries (e.g. metric: 'memory'). */
  fixedSlots?: RouterSlots;
  /** A phrase for the help text ("the CPU"), when the template is worth listing. */
  help?: { kind: HelpKind; topic: string };
}

/** Slot kinds a pattern may use: {container} {known-container} {mount} {host} {fact} {query}. */
export type SlotKind = 'container' | 'known-container' | 'mount' | 'host' | 'fact' | 'query';

export type RouterAnswer =
  | { kind: 'answer'; text: string }
  | { kind: 'approval'; text: string; approval: ApprovalView }
  | { kind: 'approval-decision'; decision: 'approve' | 'deny'; spokenText: string };
