import net from 'node:net';
import tls from 'node:tls';
import type { TestCertificate } from './test-certificates.js';

/*
 * Real TLS listeners on loopback, one per test certificate, and an SMTP server that offers
 * STARTTLS before presenting its certificate. Weak certificates are served as old servers do:
 * the listeners accept every security level.
 */

export interface Listeners {
  ports: Record<string, number>;
  close(): Promise<void>;
}

const WEAK_OK = { ciphers: 'DEFAULT@SECLEVEL=0', minVersion: 'TLSv1' as const };

const openSockets = new Set<net.Socket>();

function listen(server: net.Server): Promise<number> {
  server.on('connection', (socket: net.Socket) => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
}

function smtpWithStartTls(certificate: TestCertificate): net.Server {
  const context = tls.createSecureContext({ key: certificate.key, cert: certificate.cert, ...WEAK_OK });
  return net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write('220 mail.localhost ESMTP ready\r\n');
    let said = '';
    const onData = (chunk: Buffer) => {
      said += chunk.toString('latin1');
      while (said.includes('\r\n')) {
        const line = said.slice(0, said.indexOf('\r\n'));
        said = said.slice(said.indexOf('\r\n') + 2);
        if (/^EHLO /i.test(line)) socket.write('250-mail.localhost\r\n250-SIZE 10240000\r\n250 STARTTLS\r\n');
        else if (/^STARTTLS$/i.test(line)) {
          socket.off('data', onData);
          socket.write('220 2.0.0 Ready to start TLS\r\n', () => {
            const secure = new tls.TLSSocket(socket, { isServer: true, secureContext: context });
            secure.on('error', () => undefined);
          });
          return;
        } else socket.write('502 5.5.2 Command not recognised\r\n');
      }
    };
    socket.on('data', onData);
  });
}

export async function startListeners(certificates: Record<string, TestCertificate>, smtp: TestCertificate): Promise<Listeners> {
  const servers: net.Server[] = [];
  const ports: Record<string, number> = {};
  for (const [name, certificate] of Object.entries(certificates)) {
    const server = tls.createServer({ key: certificate.key, cert: certificate.cert, ...WEAK_OK }, (socket) => socket.end());
    server.on('tlsClientError', () => undefined);
    servers.push(server);
    ports[name] = await listen(server);
  }
  const mail = smtpWithStartTls(smtp);
  servers.push(mail);
  ports.smtp = await listen(mail);
  return {
    ports,
    async close() {
      for (const socket of openSockets) socket.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
