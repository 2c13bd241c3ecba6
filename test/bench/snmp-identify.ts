/**
 * Identification offline over the 1,207 LibreNMS recordings: the share of each field agreeing with
 * the reference, and the CPU time identification takes per device (walks aside). Part of the snmp
 * suite; run alone with `npm run bench -- snmp-identify` (no snmpsim needed).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureAgreement, shareTable } from '../../collector/src/snmp/recorded/measure-agreement.js';
import { LIBRENMS_DIR, librenmsRecordingsPresent, loadLibrenmsReference } from '../collector/snmp/support/librenms-recordings.js';

export async function measureIdentification(): Promise<void> {
  if (!librenmsRecordingsPresent()) {
    console.log(`identification: no recordings at ${LIBRENMS_DIR}`);
    return;
  }
  const started = performance.now();
  const m = await measureAgreement(LIBRENMS_DIR, loadLibrenmsReference());
  const cpu = [...m.identifyCpuMs].sort((a, b) => a - b);
  const at = (q: number) => cpu[Math.min(cpu.length - 1, Math.floor(q * cpu.length))]!.toFixed(2);
  const mean = cpu.reduce((a, b) => a + b, 0) / cpu.length;
  console.log(`identification of ${m.outcomes.length} recorded devices offline (read and identified in ${((performance.now() - started) / 1000).toFixed(1)} s):`);
  console.log(shareTable(m).split('\n').map((l) => `  ${l}`).join('\n'));
  console.log(`  identification CPU per device: mean ${mean.toFixed(2)} ms, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (target <= 20 ms)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await measureIdentification();
}
