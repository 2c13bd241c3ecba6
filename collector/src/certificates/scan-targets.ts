import { expandTargets, TargetSpecError } from '../snmp/index.js';

/** A DNS name: certificates are judged against the name a host is reached by, so names are kept as given. */
const HOST_NAME = /^(?=.{1,253}$)(?!\d+(\.\d+)*$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** Host names as given, and every address of the addresses, ranges and blocks given. */
export function certificateScanHosts(include: string[], exclude: string[]): string[] {
  const items = include.flatMap((i) => i.split(/[,\s]+/)).filter(Boolean);
  const names = items.filter((i) => HOST_NAME.test(i)).map((n) => n.toLowerCase().replace(/\.$/, ''));
  const addresses = items.filter((i) => !HOST_NAME.test(i));
  const excluded = new Set(exclude.map((e) => e.toLowerCase()));
  return [...new Set(names)].filter((n) => !excluded.has(n)).concat(addresses.length ? expandTargets({ include: addresses, exclude: exclude.filter((e) => !HOST_NAME.test(e)) }) : []);
}

export { TargetSpecError };
