import { runCommand } from './run-command.js';

/**
 * Runs a PowerShell script and returns its standard output as UTF-8. The script goes in as
 * -EncodedCommand (base64 of UTF-16LE), so no quoting can break it, and sets the console's output
 * encoding first, since PowerShell otherwise writes in the OEM code page.
 */
export function runPowerShell(script: string, timeoutMs = 60_000): Promise<string | null> {
  const full = `[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; $ProgressPreference = 'SilentlyContinue'; ${script}`;
  return runCommand('powershell.exe', [
    '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(full, 'utf16le').toString('base64'),
  ], { timeoutMs });
}

/** A PowerShell single-quoted string literal. */
export function psQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
