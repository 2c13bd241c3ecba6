/** The SNMP engine: discovery sweeps, device probes, interface polling and the probe command. */
export { probeDevice } from './probe/probe-device.js';
export { DEFAULT_PROBE_LIMITS, probeLimits, type ProbeLimits } from './probe/probe-limits.js';
export { sweep, type SweepOptions } from './discovery/sweep.js';
export { expandTargets, TargetSpecError, type TargetSpec } from './discovery/expand-targets.js';
export { pollInterfaces, readInterfaceCounters } from './poll/poll-interfaces.js';
export { interfaceDeltas, type InterfaceDeltas } from './poll/interface-rates.js';
export { counterDelta, type CounterDelta, type CounterWidth, type DeltaContext } from './poll/counter-delta.js';
export { parseSnmpProbeArgs, runSnmpProbeCommand, summarise, SNMP_PROBE_USAGE, UsageError, type SnmpProbeArgs } from './cli/snmp-probe-command.js';
export { runSnmpIdentifyCommand, SNMP_IDENTIFY_USAGE } from './cli/snmp-identify-command.js';
export { SnmpDeviceError } from './snmp-error.js';
