import { execFile } from 'node:child_process';

export interface RunOptions {
  timeoutMs?: number;
  maxBytes?: number;
  encoding?: BufferEncoding;
}

/**
 * Runs a command and returns its standard output, or null when the command is absent or fails:
 * a data source that a machine lacks is simply empty, never an error for the whole report.
 */
export function runCommand(command: string, args: string[], options: RunOptions = {}): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, args, execOptions(options, options.encoding ?? 'utf8'), (error, stdout) =>
      resolve(error ? null : String(stdout)));
  });
}

/** Like runCommand, for tools whose output is not UTF-8 (wmic writes UTF-16LE): the caller decodes. */
export function runCommandBytes(command: string, args: string[], options: RunOptions = {}): Promise<Buffer | null> {
  return new Promise((resolve) => {
    execFile(command, args, execOptions(options, 'buffer'), (error, stdout) =>
      resolve(error ? null : Buffer.from(stdout)));
  });
}

function execOptions(options: RunOptions, encoding: BufferEncoding | 'buffer') {
  return {
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: options.maxBytes ?? 64 * 1024 * 1024,
    encoding,
    windowsHide: true,
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  } as const;
}
