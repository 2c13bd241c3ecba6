import { createHash } from 'node:crypto';
import ssh2, { type Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import type { SshBounds, SshErrorCode } from '@steward/shared';

/** One host's scan ended early; the message says why and never carries a secret. */
export class SshScanError extends Error {
  constructor(readonly code: SshErrorCode, message: string) {
    super(message);
  }
}

/** The key a host presented: its type and its SHA-256 fingerprint as ssh-keygen -l prints it. */
export interface PresentedKey { keyType: string; fingerprint: string }

/** What a host key check decides: go on, or stop before any credential is sent. */
export type KeyCheck = (key: PresentedKey) => Promise<boolean>;

export interface Login {
  username: string;
  password?: string;
  privateKey?: string;
  passphrase?: string;
}

export function presentedKey(blob: Buffer): PresentedKey {
  const typeLength = blob.length >= 4 ? blob.readUInt32BE(0) : 0;
  const keyType = typeLength > 0 && typeLength < 64 ? blob.subarray(4, 4 + typeLength).toString('latin1') : 'unknown';
  return { keyType, fingerprint: `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}` };
}

/**
 * An SSH session to one host, opened only once the host's key passed the check. Every command it
 * runs shares the host's output budget; a command past its time or the budget is killed and the
 * session ends.
 */
export class SshSession {
  private outputLeft: number;

  private constructor(private readonly client: Client, private readonly bounds: SshBounds, private readonly where: string) {
    this.outputLeft = bounds.maxOutputBytes;
  }

  static open(host: string, port: number, login: Login, bounds: SshBounds, checkKey: KeyCheck): Promise<SshSession> {
    const where = `${host}:${port}`;
    const client = new ssh2.Client();
    let keyRefused = false;
    let keyCheckFailed: Error | undefined;
    const config: ConnectConfig = {
      host, port, username: login.username, readyTimeout: bounds.connectTimeoutMs, keepaliveInterval: 0,
      tryKeyboard: false, agent: undefined,
      ...(login.privateKey ? { privateKey: login.privateKey, passphrase: login.passphrase } : { password: login.password }),
      hostVerifier: (blob: Buffer, verify: (valid: boolean) => void) => {
        checkKey(presentedKey(blob)).then((ok) => {
          keyRefused = !ok;
          verify(ok);
        }, (error: Error) => {
          keyCheckFailed = error;
          verify(false);
        });
      },
    };
    return new Promise((resolve, reject) => {
      // The handshake timer of ssh2 covers the TCP connect too, but not a server that accepts and stays mute before its banner.
      const deadline = setTimeout(() => {
        client.destroy();
        reject(new SshScanError('connect-timeout', `${where}: no SSH handshake within ${bounds.connectTimeoutMs} ms`));
      }, bounds.connectTimeoutMs + 1000);
      client.once('ready', () => {
        clearTimeout(deadline);
        resolve(new SshSession(client, bounds, where));
      });
      client.once('error', (error: Error & { level?: string; code?: string }) => {
        clearTimeout(deadline);
        client.destroy();
        if (keyRefused) reject(new SshScanError('host-key-changed', `${where}: the host key differs from the one pinned; no credential was sent`));
        else if (keyCheckFailed) reject(keyCheckFailed);
        else if (error.level === 'client-authentication') reject(new SshScanError('auth-failed', `${where}: ${login.username} was refused (${login.privateKey ? 'key' : 'password'})`));
        else if (error.level === 'client-timeout') reject(new SshScanError('connect-timeout', `${where}: no SSH handshake within ${bounds.connectTimeoutMs} ms`));
        else reject(new SshScanError('connect-failed', `${where}: ${error.code ?? error.message}`));
      });
      client.connect(config);
    });
  }

  /**
   * Runs one command; resolves with its standard output (whatever its exit status: a missing
   * package manager is not the host's failure) and null when the command is not there.
   */
  run(command: string): Promise<string | null> {
    const { commandTimeoutMs } = this.bounds;
    return new Promise((resolve, reject) => {
      this.client.exec(command, (error, channel) => {
        if (error) {
          reject(new SshScanError('connect-failed', `${this.where}: the command could not start: ${error.message}`));
          return;
        }
        const chunks: Buffer[] = [];
        let settled = false;
        const stop = (failure: SshScanError) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          this.kill(channel);
          reject(failure);
        };
        const timer = setTimeout(() => stop(new SshScanError('command-timeout', `${this.where}: a command ran past ${commandTimeoutMs} ms and was stopped`)), commandTimeoutMs);
        const take = (chunk: Buffer, keep: boolean) => {
          this.outputLeft -= chunk.length;
          if (this.outputLeft < 0) stop(new SshScanError('output-too-large', `${this.where}: the host printed more than ${this.bounds.maxOutputBytes} bytes; the command was stopped`));
          else if (keep) chunks.push(chunk);
        };
        channel.on('data', (chunk: Buffer) => take(chunk, true));
        channel.stderr.on('data', (chunk: Buffer) => take(chunk, false));
        channel.on('close', (code: number | null) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          // 127: the shell found no such command.
          resolve(code === 127 ? null : Buffer.concat(chunks).toString('utf8'));
        });
      });
    });
  }

  /** The remote process gets KILL where the server honours signals, and its channel is closed either way. */
  private kill(channel: ClientChannel): void {
    try {
      channel.signal('KILL');
    } catch {
      // the channel may already be gone
    }
    channel.close();
  }

  close(): void {
    this.client.end();
  }
}
