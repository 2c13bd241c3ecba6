import { execFile } from 'node:child_process';

/**
 * Runs a command and returns its standard output, or null when the command is absent or fails:
 * a data source that a machine lacks is simply empty, never an error for the whole report.
 */
export function runCommand(
  command: string,
  args: string[],
  options: { timeoutMs?: number; maxBytes?: number; encoding?: BufferEncoding } = {},
): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: options.maxBytes ?? 64 * 1024 * 1024,
        encoding: options.encoding ?? 'utf8',
        windowsHide: true,
        env: { ...process.env, LC_ALL: 'C.UTF-8' },
      },
      (error, stdout) => resolve(error ? null : String(stdout)),
    );
  });
}
