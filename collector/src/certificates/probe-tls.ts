import { X509Certificate } from 'node:crypto';
import net, { isIP } from 'node:net';
import tls, { type DetailedPeerCertificate } from 'node:tls';
import type { TlsProtocol } from '@steward/shared';
import { describeCertificate, matchesName, summaryOf, type CertificateFacts } from './describe-certificate.js';
import { startTls } from './starttls.js';

export interface TlsPresentation {
  host: string;
  port: number;
  protocol: TlsProtocol;
  leaf: CertificateFacts;
  /** Issuers as presented, nearest first (a self-signed leaf has none). */
  chain: ReturnType<typeof summaryOf>[];
  /** The chain leads to a trusted root (the system's and the organisation's own). */
  trusted: boolean;
  trustError: string | null;
  nameMatches: boolean;
}

export interface ProbeOptions {
  timeoutMs: number;
  /** PEM certificates trusted beside the system's roots: the organisation's own CAs. */
  extraCas?: string[];
  signal?: AbortSignal;
}

const DATE_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** No answer at all from the port: silence, not an error worth a line in the scan's report. */
export class NothingListening extends Error {}

function chainOf(peer: DetailedPeerCertificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let at: DetailedPeerCertificate | undefined = peer;
  while (at && at.raw && !seen.has(at.fingerprint256)) {
    seen.add(at.fingerprint256);
    chain.push(new X509Certificate(at.raw));
    at = at.issuerCertificate;
  }
  return chain;
}

function connectPlain(host: string, port: number, signal?: AbortSignal): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port, signal });
    socket.once('connect', () => { socket.off('error', fail); resolve(socket); });
    const fail = (error: NodeJS.ErrnoException) => {
      socket.destroy();
      reject(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ABORT_ERR'].includes(error.code ?? '') ? new NothingListening(error.message) : error);
    };
    socket.once('error', fail);
  });
}

function handshake(socket: net.Socket, host: string, options: ProbeOptions): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      socket,
      // SNI carries names only; an address is reached without it.
      servername: isIP(host) ? undefined : host,
      rejectUnauthorized: false,
      ca: options.extraCas?.length ? [...tls.rootCertificates, ...options.extraCas] : undefined,
      // Trust and the name are judged apart: a name mismatch is its own problem.
      checkServerIdentity: () => undefined,
      // A scanner must see what old and weak servers present, which the defaults would refuse to talk to.
      minVersion: 'TLSv1',
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    secure.once('secureConnect', () => { secure.off('error', reject); resolve(secure); });
    secure.once('error', reject);
  });
}

/**
 * Connects to one port, speaks its STARTTLS dialogue where it has one, and reads the certificate
 * chain the server presents. The whole exchange ends by `timeoutMs` whatever the server does.
 */
export async function probeTls(host: string, port: number, protocol: TlsProtocol, options: ProbeOptions): Promise<TlsPresentation> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let socket: net.Socket | undefined;
  let secure: tls.TLSSocket | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => {
      if (!deadline.aborted) reject(new Error('cancelled'));
      // A port that never answered is silence; one that answered and then stalled is an error.
      else if (!socket) reject(new NothingListening(`no answer within ${options.timeoutMs} ms`));
      else reject(new Error(`no TLS handshake within ${options.timeoutMs} ms`));
    }, { once: true });
  });
  try {
    const exchange = (async () => {
      socket = await connectPlain(host, port, signal);
      await startTls(protocol, socket);
      secure = await handshake(socket, host, options);
      return secure;
    })();
    // Whichever of the two loses the race must not surface later as an unhandled rejection.
    exchange.catch(() => undefined);
    timedOut.catch(() => undefined);
    const done = await Promise.race([exchange, timedOut]);
    const chain = chainOf(done.getPeerCertificate(true));
    if (chain.length === 0) throw new Error('the server presented no certificate');
    const leaf = chain[0]!;
    // Validity dates are judged on their own; a chain that only fails on them still leads to a trusted root.
    const trusted = done.authorized || DATE_ERRORS.has(String(done.authorizationError));
    return {
      host, port, protocol,
      leaf: describeCertificate(leaf),
      chain: chain.slice(1).map(summaryOf),
      trusted,
      trustError: trusted ? null : String(done.authorizationError ?? 'untrusted'),
      nameMatches: matchesName(leaf, host),
    };
  } finally {
    secure?.destroy();
    socket?.destroy();
  }
}
