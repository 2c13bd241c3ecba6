import { execFileSync } from 'node:child_process';

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
