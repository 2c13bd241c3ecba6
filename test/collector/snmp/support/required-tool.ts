import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Whether a program the SNMP tests need is installed. Missing under CI=true is a failure (the CI
 * script installs it); on a developer machine the tests skip and say which Debian package to install.
 */
export function toolAvailable(program: string, debianPackage: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    const message = `${program} is missing: apt-get install -y ${debianPackage}`;
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(`skipping: ${message}`);
    return false;
  }
}

/** Same rule for a data file a Debian package installs. */
export function fileAvailable(path: string, debianPackage: string): boolean {
  if (existsSync(path)) return true;
  const message = `${path} is missing: apt-get install -y ${debianPackage}`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`skipping: ${message}`);
  return false;
}
