import type { SoftwareEntry } from '@steward/shared/protocol';
import { entriesOf, softwareEntry } from './software-entry.js';
import { known } from './placeholder-values.js';

/** Windows.System.ProcessorArchitecture, as ConvertTo-Json writes the enum. */
const ARCHITECTURES: Record<string, string> = { 0: 'x86', 5: 'arm', 9: 'x64', 11: 'neutral', 12: 'arm64', 14: 'x86-on-arm64' };

/** SignatureKind 4 (System): packages that ship with Windows. */
const SYSTEM_SIGNATURE = ['4', 'System'];

/** The organisation in a certificate subject: O= when present, else CN=. */
export function publisherName(subject: string | undefined): string | undefined {
  if (!subject) return undefined;
  const part = (name: string) => new RegExp(`(?:^|,)\\s*${name}=("([^"]*)"|[^,]*)`).exec(subject);
  const match = part('O') ?? part('CN');
  return known(match?.[2] ?? match?.[1]);
}

/**
 * Parses `Get-AppxPackage -AllUsers | Select-Object Name,Version,Publisher,Architecture,
 * InstallLocation,PackageFullName,PackageFamilyName,SignatureKind | ConvertTo-Json`. MSIX packages have
 * no display name outside their manifest, so the package name stands for it; packages signed as
 * part of Windows are flagged as system components.
 */
export function parseAppxPackages(json: string): SoftwareEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.replace(/^\uFEFF/, '').trim() || '[]');
  } catch {
    return [];
  }
  const list = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown> | null>;
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  return entriesOf(list.map((p) => p ?? undefined).map((p) => p && softwareEntry({
    name: text(p.Name),
    version: text(p.Version),
    publisher: publisherName(text(p.Publisher)),
    arch: ARCHITECTURES[text(p.Architecture) ?? ''] ?? known(text(p.Architecture)?.toLowerCase()),
    installLocation: text(p.InstallLocation),
    productCode: text(p.PackageFullName),
    systemComponent: SYSTEM_SIGNATURE.includes(text(p.SignatureKind) ?? '') ? true : undefined,
    source: 'msix',
  })));
}
