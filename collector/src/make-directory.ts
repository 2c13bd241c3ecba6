import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * mkdir -p that always ends. Node's recursive mkdir spins forever on a path it can never create
 * (for example under /proc, where mkdir says ENOENT although the parent exists), and a mistyped
 * data or backup folder must give an error, not a collector stuck at full CPU.
 */
export function makeDirectory(dir: string, mode = 0o700): void {
  const target = path.resolve(dir);
  const missing: string[] = [];
  for (let at = target; ; at = path.dirname(at)) {
    try {
      mkdirSync(at, { mode });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        if (!statSync(at).isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: 'ENOTDIR' });
        break;
      }
      if (code !== 'ENOENT' || path.dirname(at) === at) throw error;
      missing.push(at);
    }
  }
  // Parents first: each one now has an existing parent, so ENOENT here is final.
  for (const at of missing.reverse()) {
    try {
      mkdirSync(at, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
