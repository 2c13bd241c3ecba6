import type { Varbind } from 'net-snmp';

/**
 * What reading a device needs from the agent it speaks to: a live session over the network
 * (SnmpClient) or a recorded walk held in memory (RecordedAgent). Requests fail with SnmpRequestError.
 */
export interface SnmpAgent {
  /** How the device is named in problems and errors. */
  readonly device: string;
  /** False on SNMPv1, which has no GETBULK. */
  readonly usesBulk: boolean;
  get(oids: string[]): Promise<Varbind[]>;
  getNext(oids: string[]): Promise<Varbind[]>;
  /** One list of following varbinds per requested OID. */
  getBulk(oids: string[], maxRepetitions: number): Promise<Varbind[][]>;
  close(): void;
}
