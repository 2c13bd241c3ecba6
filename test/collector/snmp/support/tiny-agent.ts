import { createSocket, type Socket } from 'node:dgram';
import { decodeRequest, encodeResponse, type AnswerVarbind, type Request } from './ber.js';

/** Answers a request with varbinds, with raw bytes (a malformed packet), or not at all (null). */
export type Behaviour = (request: Request, count: number) => AnswerVarbind[] | Buffer | null;

export interface TinyAgent {
  address: string;
  port: number;
  requests: () => number;
  stop(): Promise<void>;
}

/** A UDP responder that speaks just enough SNMP to play a broken third-party agent. */
export async function startTinyAgent(address: string, port: number, behaviour: Behaviour): Promise<TinyAgent> {
  const socket: Socket = createSocket('udp4');
  let count = 0;
  socket.on('message', (packet, peer) => {
    let answer: AnswerVarbind[] | Buffer | null;
    try {
      answer = behaviour(decodeRequest(packet), count++);
    } catch {
      return;
    }
    if (answer === null) return;
    const bytes = Buffer.isBuffer(answer) ? answer : encodeResponse(decodeRequest(packet), answer);
    socket.send(bytes, peer.port, peer.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, address, () => resolve());
  });
  return {
    address,
    port,
    requests: () => count,
    stop: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
