/**
 * tools.risk as it takes effect: config may tighten a tool's tier (safe -> confirm -> blocked), never
 * loosen it. `sysvox config check` shows the effective tier with a warning for every loosening (a name
 * that is no tool is refused by the registry, the same way for every command).
 */
import type { Risk } from '../toolkit/tool.js';

const tierOrder: Record<Risk, number> = { safe: 0, confirm: 1, blocked: 2 };

/** What the registry knows of a tool: its own tier and its effective one. */
export interface RiskLookup {
  get(name: string): { risk: Risk } | undefined;
  riskOf(name: string): Risk | undefined;
}

export interface EffectiveRisk {
  /** tools.risk with each tool's effective tier. */
  effective: Record<string, Risk>;
  /** One sentence per ignored loosening. */
  warnings: string[];
}

export function describeEffectiveRisk(overrides: Record<string, Risk>, registry: RiskLookup): EffectiveRisk {
  const effective: Record<string, Risk> = {};
  const warnings: string[] = [];
  for (const [name, configured] of Object.entries(overrides)) {
    const tool = registry.get(name);
    const tier = registry.riskOf(name);
    if (!tool || !tier) continue;
    effective[name] = tier;
    if (tierOrder[configured] < tierOrder[tool.risk]) {
      warnings.push(
        `tools.risk.${name}: ${configured} is ignored because config may only tighten a tool's tier; ${name} stays ${tier}`,
      );
    }
  }
  return { effective, warnings };
}
