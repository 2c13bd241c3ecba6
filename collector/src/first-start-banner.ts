/** What a person starting the collector must read, before any log line. */
export interface StartFacts {
  url: string;
  databaseKind: string;
  /** Set when this start created the first administrator with a password it chose. */
  initialAdminPassword?: string;
  adminPasswordConfigured: boolean;
  createdEnrollSecret?: string;
  logFile?: string;
}

/** Lines in a frame, so that they stand out from whatever the terminal shows around them. */
export function framed(lines: string[]): string {
  const width = Math.max(...lines.map((l) => [...l].length));
  const pad = (line: string) => line + ' '.repeat(width - [...line].length);
  return [`┌${'─'.repeat(width + 2)}┐`, ...lines.map((l) => `│ ${pad(l)} │`), `└${'─'.repeat(width + 2)}┘`].join('\n');
}

/**
 * The start banner: the address, the first administrator's password when this start chose it
 * (shown this once), where agents get their enrolment secret, and where the log goes.
 */
export function startBanner(facts: StartFacts): string {
  const lines = [`Steward is running at ${facts.url}  (database: ${facts.databaseKind})`, ''];
  if (facts.initialAdminPassword) {
    lines.push('First administrator (shown this once; set STEWARD_ADMIN_PASSWORD to choose it):');
    lines.push(`  user:     admin`, `  password: ${facts.initialAdminPassword}`);
  } else if (!facts.adminPasswordConfigured) {
    lines.push('Sign in as "admin" with the password shown on the first start.');
  }
  lines.push('A lost password: npx steward users reset-password <user>', '');
  if (facts.createdEnrollSecret) lines.push(`Agent enrolment secret: ${facts.createdEnrollSecret} (agents need it as STEWARD_ENROLL_SECRET)`);
  else lines.push('Agents enrol with the STEWARD_ENROLL_SECRET this collector was started with,');
  lines.push('or with a secret made in the dashboard under Settings → Agents → Enrolment secrets.');
  if (facts.logFile) lines.push('', `Log (requests and the rest): ${facts.logFile}`);
  return framed(lines);
}
