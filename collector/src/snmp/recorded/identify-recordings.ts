import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEFAULT_PROBE_LIMITS } from '../probe/probe-limits.js';
import { readDevice, type DeviceReading } from '../probe/read-device.js';
import { readSnmprec } from './read-snmprec.js';
import { readSnmpwalk } from './read-snmpwalk.js';
import { RecordedAgent } from './recorded-agent.js';

/** File names of recordings: snmpsim's snmprec, or saved `snmpwalk -ObentU` output. */
const RECORDING = /\.(snmprec|snmpwalk|walk|txt)$/;

export function recordingName(file: string): string {
  return basename(file).replace(RECORDING, '');
}

/** A recording held in memory as an agent, whichever of the two formats the file is in. */
export function loadRecording(file: string): RecordedAgent {
  const text = readFileSync(file, 'latin1');
  const firstLine = text.slice(0, 512).split('\n').find((l) => l.trim() && !l.startsWith('#')) ?? '';
  const varbinds = / = /.test(firstLine) && !/^[\d.]+\|/.test(firstLine) ? readSnmpwalk(Buffer.from(text, 'latin1').toString('utf8')) : readSnmprec(text);
  return new RecordedAgent(recordingName(file), varbinds);
}

/** Reads a recording exactly as a probe reads a live device: the same walks, scalars and identification. */
export function readRecording(file: string): Promise<DeviceReading> {
  return readDevice(loadRecording(file), new Map(), DEFAULT_PROBE_LIMITS, Date.now());
}

export function recordingFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => RECORDING.test(f)).sort().map((f) => join(dir, f));
}
