import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { identityVerdict, type IdentityVerdict } from '@steward/shared';
import type { Evidence } from './evidence.js';

const FILE = new URL('../../data/identity/device-identity-rules.json', import.meta.url);

const attributeState = z.enum(['same', 'different', 'unknown', 'overlap']);
type AttributeState = z.infer<typeof attributeState>;
const states = z.array(attributeState).min(1);

const rulesFile = z.object({
  rules: z.array(z.object({
    name: z.string().min(1),
    why: z.string().min(1),
    when: z.object({ hardwareUuid: states, serial: states, machineId: states, macs: states }).partial(),
    verdict: identityVerdict,
  })).min(1),
});
export type IdentityRule = z.infer<typeof rulesFile>['rules'][number];

export interface Judgement {
  verdict: IdentityVerdict;
  /** The rule that gave the verdict; 'no-rule' when none held. */
  rule: string;
  states: Record<keyof IdentityRule['when'], AttributeState>;
}

let cached: IdentityRule[] | undefined;

export function identityRules(): IdentityRule[] {
  cached ??= rulesFile.parse(JSON.parse(readFileSync(FILE, 'utf8'))).rules;
  return cached;
}

function compareValue(a: string | undefined, b: string | undefined): AttributeState {
  if (!a || !b) return 'unknown';
  return a === b ? 'same' : 'different';
}

function compareSets(a: readonly string[], b: readonly string[]): AttributeState {
  if (a.length === 0 || b.length === 0) return 'unknown';
  const common = a.filter((m) => b.includes(m)).length;
  if (common === 0) return 'different';
  return common === a.length && common === b.length ? 'same' : 'overlap';
}

/** Judges whether two sets of evidence are one machine, by the first rule that holds. */
export function judgeEvidence(a: Evidence, b: Evidence, rules = identityRules()): Judgement {
  const states = {
    hardwareUuid: compareValue(a.hardwareUuid, b.hardwareUuid),
    serial: compareValue(a.serial, b.serial),
    machineId: compareValue(a.machineId, b.machineId),
    macs: compareSets(a.macs, b.macs),
  };
  const holds = (rule: IdentityRule) =>
    (Object.keys(rule.when) as Array<keyof IdentityRule['when']>).every((k) => rule.when[k]!.includes(states[k]));
  const rule = rules.find(holds);
  return { verdict: rule?.verdict ?? 'separate', rule: rule?.name ?? 'no-rule', states };
}
