import snmp from 'net-snmp';

type TypeName = 'Integer' | 'OctetString' | 'Null' | 'OID' | 'IpAddress' | 'Counter' | 'Gauge' | 'TimeTicks' | 'Opaque' | 'Counter64' | 'NoSuchObject' | 'EndOfMibView';

/** The SNMP value types a recording holds, as net-snmp numbers them. */
export const T = snmp.ObjectType as Readonly<Record<TypeName, number>>;
