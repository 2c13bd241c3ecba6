import net from 'node:net';

export interface ProxyCounts {
  /** Bytes agents sent on HTTP connections (reports, enrolment). */
  httpSent: number;
  httpReceived: number;
  /** Bytes agents sent on WebSocket connections (heartbeats). */
  channelSent: number;
}

/**
 * A TCP relay in front of the collector that counts what crosses it, split between HTTP requests
 * and the WebSocket channel. Its port stays while the collector behind it stops and starts.
 */
export class ByteCountingProxy {
  readonly counts: ProxyCounts = { httpSent: 0, httpReceived: 0, channelSent: 0 };
  private readonly server = net.createServer((client) => this.relay(client));
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(public target: number) {}

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return `http://127.0.0.1:${this.port}`;
  }

  reset(): void {
    Object.assign(this.counts, { httpSent: 0, httpReceived: 0, channelSent: 0 });
  }

  private relay(client: net.Socket): void {
    this.sockets.add(client);
    const upstream = net.connect(this.target, '127.0.0.1');
    this.sockets.add(upstream);
    let channel: boolean | undefined;
    client.on('data', (chunk: Buffer) => {
      channel ??= chunk.subarray(0, 64).toString('latin1').startsWith('GET /api/v1/agents/ws');
      if (channel) this.counts.channelSent += chunk.length;
      else this.counts.httpSent += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!channel) this.counts.httpReceived += chunk.length;
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', close);
      socket.on('close', close);
    }
  }

  /** Cuts every open connection, as a collector that went away would. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
