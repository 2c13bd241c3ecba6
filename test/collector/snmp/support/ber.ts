/**
 * Just enough BER to stand in for a broken SNMP agent in tests: encode a v1/v2c response,
 * decode a v1/v2c request.
 */
export const TAG = { integer: 0x02, octets: 0x04, null: 0x05, oid: 0x06, sequence: 0x30, response: 0xa2, counter32: 0x41, endOfMibView: 0x82 } as const;

export function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), content]);
}

export function integer(value: number, tag: number = TAG.integer): Buffer {
  const bytes: number[] = [];
  let v = value;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v !== 0 && v !== -1);
  if (value >= 0 && (bytes[0]! & 0x80)) bytes.unshift(0);
  if (value < 0 && !(bytes[0]! & 0x80)) bytes.unshift(0xff);
  return tlv(tag, Buffer.from(bytes));
}

export function oid(text: string): Buffer {
  const arcs = text.split('.').map(Number);
  const bytes = [40 * arcs[0]! + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const chunk = [arc & 0x7f];
    for (let a = Math.floor(arc / 128); a > 0; a = Math.floor(a / 128)) chunk.unshift((a & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(TAG.oid, Buffer.from(bytes));
}

export interface Request {
  version: number;
  community: string;
  pduType: number;
  requestId: number;
  /** GETBULK: non-repeaters and max-repetitions; 0 otherwise. */
  nonRepeaters: number;
  maxRepetitions: number;
  oids: string[];
}

export function decodeRequest(packet: Buffer): Request {
  let pos = 0;
  const header = () => {
    const tag = packet[pos++]!;
    let length = packet[pos++]!;
    if (length & 0x80) {
      const n = length & 0x7f;
      length = 0;
      for (let i = 0; i < n; i++) length = length * 256 + packet[pos++]!;
    }
    return { tag, length };
  };
  const readInt = () => {
    const { length } = header();
    let v = packet[pos]! & 0x80 ? -1 : 0;
    for (let i = 0; i < length; i++) v = v * 256 + packet[pos++]!;
    return v;
  };
  const readOid = () => {
    const { length } = header();
    const end = pos + length;
    const first = packet[pos++]!;
    const arcs = [Math.floor(first / 40), first % 40];
    let arc = 0;
    while (pos < end) {
      const b = packet[pos++]!;
      arc = arc * 128 + (b & 0x7f);
      if (!(b & 0x80)) { arcs.push(arc); arc = 0; }
    }
    return arcs.join('.');
  };
  header();
  const version = readInt();
  const c = header();
  const community = packet.subarray(pos, pos + c.length).toString('latin1');
  pos += c.length;
  const pdu = header();
  const requestId = readInt();
  const nonRepeaters = readInt();
  const maxRepetitions = readInt();
  const list = header();
  const end = pos + list.length;
  const oids: string[] = [];
  while (pos < end) {
    header();
    oids.push(readOid());
    const value = header();
    pos += value.length;
  }
  return { version, community, pduType: pdu.tag, requestId, nonRepeaters, maxRepetitions, oids };
}

export interface AnswerVarbind {
  oid: string;
  /** Encoded value (tag, length and content). */
  value: Buffer;
}

export function encodeResponse(request: Request, varbinds: AnswerVarbind[]): Buffer {
  const list = tlv(TAG.sequence, Buffer.concat(varbinds.map((vb) => tlv(TAG.sequence, Buffer.concat([oid(vb.oid), vb.value])))));
  const pdu = tlv(TAG.response, Buffer.concat([integer(request.requestId), integer(0), integer(0), list]));
  return tlv(TAG.sequence, Buffer.concat([integer(request.version), tlv(TAG.octets, Buffer.from(request.community, 'latin1')), pdu]));
}

export const octets = (text: string | Buffer): Buffer => tlv(TAG.octets, Buffer.isBuffer(text) ? text : Buffer.from(text));
export const endOfMibView = (): Buffer => tlv(TAG.endOfMibView, Buffer.alloc(0));
