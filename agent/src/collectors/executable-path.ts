import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/**
 * Whether a program is on PATH (or an absolute path exists), found without starting it: sources
 * whose tool a machine lacks are skipped for the cost of a few stat calls.
 */
export function onPath(program: string, envPath = process.env.PATH ?? ''): boolean {
  const candidates = path.isAbsolute(program)
    ? [program]
    : envPath.split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, program));
  const suffixes = process.platform === 'win32' ? ['', '.exe', '.cmd', '.bat'] : [''];
  return candidates.some((candidate) => suffixes.some((suffix) => isExecutable(candidate + suffix)));
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
