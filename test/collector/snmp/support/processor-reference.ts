import type { RecordedAgent } from '../../../../collector/src/snmp/recorded/recorded-agent.js';
import { decodeOctetText } from '../../../../collector/src/snmp/values/decode-text.js';

const SYS_DESCR = '1.3.6.1.2.1.1.1.0';
const HR_DEVICE_TYPE = '1.3.6.1.2.1.25.3.2.1.2.';
const HR_DEVICE_DESCR = '1.3.6.1.2.1.25.3.2.1.3.';
const HR_DEVICE_PROCESSOR = '1.3.6.1.2.1.25.3.1.3';

/** A reference "model" that is nothing but an instruction-set name, as a poller words it from the machine field. */
const ARCHITECTURE_ONLY = /^(?:(?:generic|intel|amd)\s+)?(x86 64-bit|x86_64|x64|amd64|i[3-6]86|x86|armv?\d*l?|aarch64|arm64|mips\w*|powerpc|ppc)(?:\/openssl)?$/i;
/** Instruction-set words a sysDescr states (Linux and BSD machine field, Windows' "Hardware: AMD64 Family ..."). */
const ARCHITECTURE_STATED = /\b(x86_64|amd64|intel64|em64t|i[3-6]86|x86|armv\d+\w*|arm|aarch64|arm64|mips\w*|powerpc|ppc)\b/gi;

function architectureFamily(word: string): string {
  const w = word.toLowerCase();
  // EM64T is Intel's first name for x86-64, as older Windows words its processors.
  if (/^(x86 64-bit|x86_64|x64|amd64|intel64|em64t)$/.test(w)) return 'x86-64';
  if (/^(i[3-6]86|x86)$/.test(w)) return 'x86';
  if (/^(aarch64|arm64)$/.test(w)) return 'arm64';
  if (w.startsWith('arm')) return 'arm';
  if (w.startsWith('mips')) return 'mips';
  return 'powerpc';
}

const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function text(agent: RecordedAgent, oid: string): string | undefined {
  const vb = agent.lookup(oid);
  if (!vb) return undefined;
  return Buffer.isBuffer(vb.value) ? decodeOctetText(vb.value) : String(vb.value);
}

/** hrDeviceDescr of every HOST-RESOURCES device row whose hrDeviceType is hrDeviceProcessor. */
async function processorDescriptions(agent: RecordedAgent): Promise<string[]> {
  const [rows = []] = await agent.getBulk([HR_DEVICE_TYPE.slice(0, -1)], 100_000);
  return rows
    .filter((vb) => vb.oid.startsWith(HR_DEVICE_TYPE) && String(vb.value) === HR_DEVICE_PROCESSOR)
    .flatMap((vb) => text(agent, HR_DEVICE_DESCR + vb.oid.slice(HR_DEVICE_TYPE.length)) ?? []);
}

/** A text that calls itself a processor ("Intel Atom(R) P5342 processor", "ARM Cortex-A9 CPU"). */
const NAMES_A_PROCESSOR = /\b(?:processor|cpu)$/i;

/** The object of the recording that holds exactly this text, if any. */
async function objectHolding(agent: RecordedAgent, wanted: string): Promise<string | undefined> {
  const [all = []] = await agent.getBulk(['1.3'], 1_000_000);
  return all.find((vb) => Buffer.isBuffer(vb.value) && decodeOctetText(vb.value) === wanted)?.oid;
}

/**
 * Why a reference model names the device's processor, not its model, read from the recording:
 * either it is only the instruction set the sysDescr states (the machine field "x86_64", "armv6l",
 * Windows' "AMD64 Family 16"), or it holds the description of a row HOST-RESOURCES types as a
 * processor, or it is a text the device states that calls itself a processor (a maker's CPU table).
 * Undefined when the recording shows none of these.
 */
export async function referenceIsProcessor(agent: RecordedAgent, reference: string): Promise<string | undefined> {
  const architecture = ARCHITECTURE_ONLY.exec(reference.trim())?.[1];
  const sysDescr = text(agent, SYS_DESCR) ?? '';
  if (architecture) {
    const stated = [...sysDescr.matchAll(ARCHITECTURE_STATED)].map((m) => m[1]!);
    const same = stated.find((word) => architectureFamily(word) === architectureFamily(architecture));
    if (same) return `sysDescr states the instruction set "${same}"; the reference "${reference}" names only that`;
  }
  const processor = (await processorDescriptions(agent))
    .map((descr) => descr.replace(/^\w+:\s*/, ''))
    .find((descr) => letters(descr).length >= 6 && letters(reference).includes(letters(descr)));
  if (processor) return `hrDeviceDescr of a processor row is "${processor}"; the reference holds it`;
  const worded = NAMES_A_PROCESSOR.test(reference.trim()) ? await objectHolding(agent, reference.trim()) : undefined;
  if (worded) return `${worded} states "${reference.trim()}", a text that calls itself a processor; the reference holds it`;
  return undefined;
}
