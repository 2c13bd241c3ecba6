import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../support/processes.js';

/*
 * A real OpenSSH server (Debian's openssh-server) on a loopback port, with its own configuration,
 * host key and authorised key in a temporary directory, for an unprivileged account:
 * - run as root (CI), sshd runs as root as it does in production and the account is a dedicated
 *   user made with useradd; password login works because sshd can check the shadow file.
 * - run as an ordinary user, sshd runs as that user and can only let that same user in, by key:
 *   password login needs root (the shadow file, or PAM), so the password cases skip and say so.
 * Every session goes through a ForceCommand wrapper that puts a shim directory first on PATH when
 * the test asks: dpkg-query then sleeps forever or prints without end.
 */

export const SSHD = '/usr/sbin/sshd';
const SCAN_USER = 'steward-ssh-scan';

export type ShimMode = 'none' | 'slow' | 'huge';

export interface TestSshd {
  port: number;
  username: string;
  /** Undefined when password login cannot work here (not root). */
  password: string | undefined;
  privateKey: string;
  /** A key the server does not authorise. */
  strangerKey: string;
  /** What sshd printed (its -e log): what reached it, credentials tried included. */
  log(): string;
  hostKeyFingerprint(): string;
  shim(mode: ShimMode): void;
  /** Stops sshd and starts it again on the same port with a newly made host key. */
  replaceHostKey(): Promise<void>;
  stop(): Promise<void>;
}

/** Whether sshd is installed; missing under CI=true is a failure, elsewhere the tests skip and say what to install. */
export function sshdAvailable(): boolean {
  if (existsSync(SSHD)) return true;
  const message = `${SSHD} is missing: apt-get install -y openssh-server`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`skipping: ${message}`);
  return false;
}

export const runningAsRoot = () => process.getuid?.() === 0;

function keygen(file: string, comment: string): void {
  rmSync(file, { force: true });
  rmSync(`${file}.pub`, { force: true });
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
}

function ensureScanUser(password: string): void {
  try {
    execFileSync('id', [SCAN_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--create-home', '--shell', '/bin/sh', SCAN_USER]);
  }
  execFileSync('chpasswd', { input: `${SCAN_USER}:${password}\n` });
}

export async function startSshd(): Promise<TestSshd> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-sshd-'));
  // The account sshd runs the commands as must reach the wrapper and the shims.
  chmodSync(dir, 0o755);
  const root = runningAsRoot();
  const password = root ? `pw-${randomBytes(12).toString('hex')}` : undefined;
  if (root) {
    ensureScanUser(password!);
    // sshd's privilege separation directory, as the Debian service makes it.
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  }
  const username = root ? SCAN_USER : os.userInfo().username;
  keygen(path.join(dir, 'host_key'), 'host');
  keygen(path.join(dir, 'user_key'), 'scanner');
  keygen(path.join(dir, 'stranger_key'), 'stranger');
  writeFileSync(path.join(dir, 'authorized_keys'), readFileSync(path.join(dir, 'user_key.pub')));
  chmodSync(path.join(dir, 'authorized_keys'), 0o644);
  for (const [mode, body] of [['slow', 'exec sleep 3600'], ['huge', `exec yes 'bloat\tamd64\t1.0\t1\tadmin\tinstall ok installed\tSomeone'`]] as const) {
    mkdirSync(path.join(dir, mode), { mode: 0o755 });
    writeFileSync(path.join(dir, mode, 'dpkg-query'), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  }
  writeFileSync(path.join(dir, 'mode'), 'none', { mode: 0o644 });
  writeFileSync(path.join(dir, 'session'), [
    '#!/bin/sh',
    `mode=$(cat ${dir}/mode)`,
    `case "$mode" in slow|huge) PATH="${dir}/$mode:$PATH"; export PATH;; esac`,
    'exec /bin/sh -c "$SSH_ORIGINAL_COMMAND"',
    '',
  ].join('\n'), { mode: 0o755 });
  const port = await freePort();
  writeFileSync(path.join(dir, 'sshd_config'), [
    `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${dir}/host_key`, 'PidFile none', 'UsePAM no',
    `PasswordAuthentication ${root ? 'yes' : 'no'}`, 'KbdInteractiveAuthentication no', 'PubkeyAuthentication yes',
    `AuthorizedKeysFile ${dir}/authorized_keys`, 'StrictModes no', `AllowUsers ${username}`, `ForceCommand ${dir}/session`,
    'LogLevel VERBOSE', 'MaxStartups 100', '',
  ].join('\n'));

  let child: ChildProcess;
  let text = '';
  const launch = async () => {
    // Only this start's own lines count: after a restart the first start's "Server listening" is still in the log.
    const from = text.length;
    const listening = () => text.slice(from).includes('Server listening');
    child = spawn(SSHD, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c: Buffer) => (text += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (text += c.toString()));
    for (let i = 0; i < 200 && !listening(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!listening()) throw new Error(`sshd did not start:\n${text.slice(from)}`);
  };
  const halt = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  await launch();
  return {
    port, username, password,
    privateKey: readFileSync(path.join(dir, 'user_key'), 'utf8'),
    strangerKey: readFileSync(path.join(dir, 'stranger_key'), 'utf8'),
    log: () => text,
    hostKeyFingerprint: () => execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', path.join(dir, 'host_key.pub')], { encoding: 'utf8' }).split(' ')[1]!,
    shim: (mode) => writeFileSync(path.join(dir, 'mode'), mode),
    async replaceHostKey() {
      await halt();
      keygen(path.join(dir, 'host_key'), 'host');
      await launch();
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
