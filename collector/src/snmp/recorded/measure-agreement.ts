import type { SnmpDeviceIdentity } from '@steward/shared';
import { identifyDevice } from '../identify/identify-device.js';
import type { DeviceReading } from '../probe/read-device.js';
import { readRecording, recordingFiles, recordingName } from './identify-recordings.js';
import { COMPARED_FIELDS, stewardValues, verdict, type ComparedField, type Reference, type Verdict } from './reference-agreement.js';

export interface RecordingOutcome {
  name: string;
  identity: SnmpDeviceIdentity;
  reading: DeviceReading;
  reference?: Partial<Record<ComparedField, string>>;
  verdicts: Partial<Record<ComparedField, Verdict>>;
}

export interface FieldShare { field: ComparedField; agree: number; wrong: number; empty: number; referenced: number }

export interface Measurement {
  outcomes: RecordingOutcome[];
  shares: FieldShare[];
  /** CPU time of identification alone (walks aside), per recording, in milliseconds. */
  identifyCpuMs: number[];
}

/** Identifies every recording of a folder offline and compares each field with the reference. */
export async function measureAgreement(dir: string, reference: Reference = {}): Promise<Measurement> {
  const outcomes: RecordingOutcome[] = [];
  const identifyCpuMs: number[] = [];
  for (const file of recordingFiles(dir)) {
    const name = recordingName(file);
    const reading = await readRecording(file);
    identifyCpuMs.push(identificationCpuMs(reading));
    const ref = reference[name];
    const ours = stewardValues(reading.identity);
    const verdicts: RecordingOutcome['verdicts'] = {};
    for (const field of COMPARED_FIELDS) {
      const v = verdict(field, ref?.[field], ours);
      if (v) verdicts[field] = v;
    }
    outcomes.push({ name, identity: reading.identity, reading, reference: ref, verdicts });
  }
  const shares = COMPARED_FIELDS.map((field) => {
    const counted = outcomes.map((o) => o.verdicts[field]).filter((v): v is Verdict => v !== undefined);
    const count = (v: Verdict) => counted.filter((c) => c === v).length;
    return { field, agree: count('agree'), wrong: count('wrong'), empty: count('empty'), referenced: counted.length };
  });
  return { outcomes, shares, identifyCpuMs };
}

/** Identification run again on the evidence already gathered, timed on the CPU clock. */
function identificationCpuMs(reading: DeviceReading): number {
  const before = process.cpuUsage();
  identifyDevice(reading.evidence);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export function shareTable(m: Measurement): string {
  const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '-');
  const lines = [`${'field'.padEnd(8)} ${'agree'.padStart(14)} ${'wrong'.padStart(6)} ${'empty'.padStart(6)}  (of ${m.outcomes.length} recordings; share of those the reference has a value for)`];
  for (const s of m.shares) lines.push(`${s.field.padEnd(8)} ${`${s.agree}/${s.referenced}`.padStart(9)} ${pct(s.agree, s.referenced).padStart(6)} ${String(s.wrong).padStart(6)} ${String(s.empty).padStart(6)}`);
  const named = m.outcomes.filter((o) => o.identity.vendor).length;
  lines.push(`vendor named: ${named}/${m.outcomes.length}`);
  return lines.join('\n');
}

/** Every disagreement: wrong values first, then the empty ones, field by field. */
export function disagreementList(m: Measurement): string {
  const lines: string[] = [];
  for (const kind of ['wrong', 'empty'] as const) {
    for (const field of COMPARED_FIELDS) {
      const found = m.outcomes.filter((o) => o.verdicts[field] === kind);
      if (found.length === 0) continue;
      lines.push(`${kind} ${field} (${found.length}):`);
      for (const o of found) {
        const ours = stewardValues(o.identity)[field];
        lines.push(`  ${o.name}: reference ${JSON.stringify(o.reference?.[field])}${ours ? `, Steward ${JSON.stringify(ours)}` : ''}`);
      }
    }
  }
  return lines.join('\n');
}
