import { runCommand } from './run-command.js';
import { known } from './placeholder-values.js';

export const CURRENT_VERSION_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion';
export const LOGON_UI_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Authentication\\LogonUI';

/**
 * `reg query KEY` (no /s): the key's own values, "    Name    REG_TYPE    data" lines; DWORDs
 * (0x...) given in decimal. Subkey lines and the key's own name line carry no type and are skipped.
 */
export function parseRegQuery(output: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s{2,}(.+?)\s{2,}(REG_[A-Z_0-9]+)(?:\s{2,}(.*))?$/.exec(line);
    if (!match) continue;
    const [, name, type, data = ''] = match;
    values[name!] = (type === 'REG_DWORD' || type === 'REG_QWORD') && /^0x[0-9a-f]+$/i.test(data.trim()) ? String(parseInt(data.trim(), 16)) : data.trim();
  }
  return values;
}

export interface WindowsRelease {
  /** major.minor.build.UBR: 10.0.19045.3803. */
  version?: string;
  build?: string;
  /** 22H2, 23H2; ReleaseId (1909) on releases before 20H2. */
  displayVersion?: string;
}

/**
 * The release down to its update build revision (UBR, the number each cumulative update raises),
 * from the CurrentVersion key. Windows 10 and later state major and minor as numbers; earlier
 * releases only as CurrentVersion ("6.1"). The version WMI gives (10.0.19045) stands when the key
 * cannot be read.
 */
export function windowsRelease(values: Record<string, string>, wmiVersion?: string): WindowsRelease {
  const majorMinor = values.CurrentMajorVersionNumber !== undefined && values.CurrentMinorVersionNumber !== undefined
    ? `${values.CurrentMajorVersionNumber}.${values.CurrentMinorVersionNumber}`
    : known(values.CurrentVersion);
  const build = known(values.CurrentBuildNumber) ?? known(values.CurrentBuild);
  const ubr = known(values.UBR);
  const version = majorMinor && build ? [majorMinor, build, ubr].filter(Boolean).join('.') : wmiVersion;
  return { version, build: build && ubr ? `${build}.${ubr}` : build, displayVersion: known(values.DisplayVersion) ?? known(values.ReleaseId) };
}

/**
 * The account that last signed on at the console, as LogonUI records it for the next logon
 * screen: DOMAIN\name, or .\name for a local account (written here with the computer's name).
 */
export function lastLoggedOnUser(values: Record<string, string>, computerName: string): string | undefined {
  const user = known(values.LastLoggedOnSAMUser) ?? known(values.LastLoggedOnUser);
  return user?.replace(/^\.\\/, `${computerName}\\`);
}

export async function readRegistryValues(key: string): Promise<Record<string, string>> {
  const output = await runCommand('reg', ['query', key, '/reg:64'], { timeoutMs: 15_000 });
  return output === null ? {} : parseRegQuery(output);
}
