import type { Socket } from 'node:net';
import type { TlsProtocol } from '@steward/shared';

/*
 * The plain-text greeting each protocol needs before it upgrades the connection to TLS. Each
 * dialogue reads at most a few kilobytes: a server that talks on forever is cut off by the probe's
 * own deadline, and one that does not offer STARTTLS is told apart from one that fails it.
 */

const MAX_GREETING_BYTES = 16 * 1024;

export class StartTlsRefused extends Error {}

/** Waits until what the server has said so far satisfies `done`; returns all of it. */
function readUntil(socket: Socket, done: (said: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let said = '';
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      said += chunk.toString('latin1');
      if (said.length > MAX_GREETING_BYTES) { cleanup(); reject(new StartTlsRefused('the server said more than a greeting should')); return; }
      if (done(said)) { cleanup(); resolve(said); }
    };
    const onClose = () => { cleanup(); reject(new StartTlsRefused(`connection closed during the greeting${said ? `: ${said.trim().slice(0, 120)}` : ''}`)); };
    const onError = (error: Error) => { cleanup(); reject(error); };
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onError);
  });
}

/** The last complete line of a multi-line SMTP answer ("250-..." lines end with a "250 ..." one). */
function smtpAnswerDone(said: string): boolean {
  return /(^|\r?\n)\d{3} [^\n]*\r?\n$/.test(said);
}

async function smtp(socket: Socket): Promise<void> {
  const greeting = await readUntil(socket, smtpAnswerDone);
  if (!/(^|\n)220 /.test(greeting)) throw new StartTlsRefused(`SMTP greeting refused: ${greeting.trim().slice(0, 120)}`);
  socket.write('EHLO steward.invalid\r\n');
  const ehlo = await readUntil(socket, smtpAnswerDone);
  if (!/^250[- ]STARTTLS\b/im.test(ehlo)) throw new StartTlsRefused('SMTP server does not offer STARTTLS');
  socket.write('STARTTLS\r\n');
  const ready = await readUntil(socket, smtpAnswerDone);
  if (!/(^|\n)220 /.test(ready)) throw new StartTlsRefused(`SMTP STARTTLS refused: ${ready.trim().slice(0, 120)}`);
}

async function imap(socket: Socket): Promise<void> {
  const greeting = await readUntil(socket, (s) => s.includes('\n'));
  if (!/^\* (OK|PREAUTH)/i.test(greeting)) throw new StartTlsRefused(`IMAP greeting refused: ${greeting.trim().slice(0, 120)}`);
  socket.write('s1 STARTTLS\r\n');
  const answer = await readUntil(socket, (s) => /(^|\n)s1 [^\n]*\n/i.test(s));
  if (!/(^|\n)s1 OK/i.test(answer)) throw new StartTlsRefused('IMAP server does not offer STARTTLS');
}

async function pop3(socket: Socket): Promise<void> {
  const greeting = await readUntil(socket, (s) => s.includes('\n'));
  if (!greeting.startsWith('+OK')) throw new StartTlsRefused(`POP3 greeting refused: ${greeting.trim().slice(0, 120)}`);
  socket.write('STLS\r\n');
  const answer = await readUntil(socket, (s) => s.includes('\n'));
  if (!answer.startsWith('+OK')) throw new StartTlsRefused('POP3 server does not offer STLS');
}

/** LDAPv3 StartTLS extended request (RFC 4511 §4.14), message id 1. */
const LDAP_START_TLS = Buffer.concat([
  Buffer.from([0x30, 0x1d, 0x02, 0x01, 0x01, 0x77, 0x18, 0x80, 0x16]),
  Buffer.from('1.3.6.1.4.1.1466.20037', 'latin1'),
]);

async function ldap(socket: Socket): Promise<void> {
  socket.write(LDAP_START_TLS);
  // The ExtendedResponse ([APPLICATION 24], 0x78) starts with its resultCode as an ENUMERATED.
  const answer = Buffer.from(await readUntil(socket, (s) => /\x78[\s\S]*?\x0a\x01[\s\S]/.test(s)), 'latin1');
  const at = answer.indexOf(0x78);
  const code = answer.indexOf(Buffer.from([0x0a, 0x01]), at);
  if (code < 0 || answer[code + 2] !== 0) throw new StartTlsRefused(`LDAP StartTLS refused (result ${answer[code + 2] ?? 'unknown'})`);
}

const DIALOGUES: Record<Exclude<TlsProtocol, 'tls'>, (socket: Socket) => Promise<void>> = { smtp, imap, pop3, ldap };

/** Brings a plain connection to the point where the TLS handshake can start. */
export async function startTls(protocol: TlsProtocol, socket: Socket): Promise<void> {
  if (protocol !== 'tls') await DIALOGUES[protocol](socket);
}
