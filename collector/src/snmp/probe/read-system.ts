import type { Varbind } from 'net-snmp';
import type { SnmpSystem } from '@steward/shared';
import type { CellReader } from '../values/cell-reader.js';

export const SYSTEM_OIDS = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysContact: '1.3.6.1.2.1.1.4.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysLocation: '1.3.6.1.2.1.1.6.0',
  sysServices: '1.3.6.1.2.1.1.7.0',
} as const;

/** The system group out of one GET of its scalars. */
export function readSystem(answers: Map<string, Varbind>, cells: CellReader): SnmpSystem {
  const at = (oid: string) => answers.get(oid);
  return {
    sysDescr: cells.text(at(SYSTEM_OIDS.sysDescr), 'sysDescr', 4096),
    sysObjectID: cells.oid(at(SYSTEM_OIDS.sysObjectID), 'sysObjectID'),
    sysUpTime: cells.count(at(SYSTEM_OIDS.sysUpTime), 'sysUpTime'),
    sysContact: cells.text(at(SYSTEM_OIDS.sysContact), 'sysContact', 255),
    sysName: cells.text(at(SYSTEM_OIDS.sysName), 'sysName', 255),
    sysLocation: cells.text(at(SYSTEM_OIDS.sysLocation), 'sysLocation', 255),
    sysServices: cells.count(at(SYSTEM_OIDS.sysServices), 'sysServices'),
  };
}
