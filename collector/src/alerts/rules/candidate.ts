import type { AlertRuleKind, AlertRuleParams } from '@steward/shared';
import type { Queryable } from '../../store/database.js';

/** Something a rule finds wrong now: the evaluation turns each into one alert, kept while it is found. */
export interface AlertCandidate {
  subjectType: string;
  subjectId: string | null;
  /** Stable across evaluations for the same cause; one open alert per rule and key. */
  subjectKey: string;
  summary: string;
  details: Record<string, unknown>;
}

export interface RuleSource<K extends AlertRuleKind> {
  /** Tables this rule reads; a rule whose tables are not there yet is skipped, not failed. */
  tables: string[];
  find(db: Queryable, params: AlertRuleParams<K>, now: Date): Promise<AlertCandidate[]>;
}
