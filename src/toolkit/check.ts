/**
 * What an alert check is: code that runs on a schedule (never the LLM) and reports what it saw as
 * observations. The alert engine (src/alerts/engine.ts) turns observations into alerts with an
 * Alertmanager-like lifecycle (src/memory/alerts.ts). A tool area contributes its checks through
 * ToolArea.checks, so remote hosts, systemd units, SMART/ZFS and Home Assistant plug in the same way.
 */

/** The same three levels as a notice (src/core/channel.ts NoticeSeverity). */
export type AlertSeverity = 'info' | 'warning' | 'critical';

/** A remediation a rule suggests: offered through core.requestAction as an approval, never run unasked. */
export interface SuggestedAction {
  tool: string;
  input: Readonly<Record<string, unknown>>;
}

/** What one check saw about one subject on one run. */
export interface Observation {
  /** The rule's name as the config writes it: 'disk', 'container-unhealthy', 'custom:backup-fresh'. */
  rule: string;
  /** What it is about: a mount ('/mnt/tank'), a container ('nextcloud'), 'cpu'. */
  target: string;
  /** The machine: 'local' for this one. */
  host: string;
  /**
   * 'firing': the condition holds now. 'clear': it does not. 'hold': between the rule's fire and resolve
   * thresholds (hysteresis), so whatever state the alert is in stays.
   */
  condition: 'firing' | 'clear' | 'hold';
  severity: AlertSeverity;
  /**
   * One sentence that reads well and can be spoken: "the disk on /mnt/tank is 93 percent full". Made from
   * data the check read; the engine treats it as untrusted text (it is never a prompt or a command).
   */
  summary: string;
  /** Said when it resolves: "nextcloud is healthy again", "the disk on /mnt/tank is back to 80 percent". */
  recovery: string;
  /**
   * How long (ms) the condition must hold before the alert fires: the rule's `for` from config. When a check
   * leaves it out, the engine looks the rule up in config.alerts (src/alerts/rule-for.ts), else 0.
   */
  for?: number;
  /** The measured value, when there is one (percent, degrees, restarts). */
  value?: number;
  action?: SuggestedAction;
}

/** One run of a check: what it saw, and which rules on which hosts it speaks for. */
export interface CheckRun {
  observations: Observation[];
  /**
   * The rule/host pairs this run covers: an alert of one of these that is missing from `observations`
   * counts as clear (the container was removed, the mount unmounted). A pair not covered (Docker could not
   * be asked) leaves its alerts as they are.
   */
  covers: ReadonlyArray<{ rule: string; host: string }>;
}

export interface AlertCheck {
  /** 'system.metrics', 'docker.containers', 'command:backup-fresh': names it in logs and errors. */
  name: string;
  /** How often it runs. */
  intervalMs: number;
  /** Reads the current state. A throw is logged and changes no alert (the check could not look). */
  run(signal: AbortSignal): Promise<CheckRun>;
}
