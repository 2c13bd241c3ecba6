import { readFileSync } from 'node:fs';
import { role } from '@steward/shared';
import { z } from 'zod';

/** "admins=admin,service-desk=helpdesk": provider groups and the Steward role each gives. */
const roleMap = z.preprocess(
  (v) => (typeof v === 'string'
    ? Object.fromEntries(v.split(',').map((pair) => pair.trim()).filter(Boolean).map((pair) => {
      const at = pair.lastIndexOf('=');
      return at < 0 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    }))
    : v),
  z.record(z.string().min(1), role).default({}),
);

export const collectorConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  /** PostgreSQL (or TimescaleDB) server; without it the embedded database in dataDir is used. */
  databaseUrl: z.string().min(1).optional(),
  dataDir: z.string().min(1).default('./data'),
  enrollSecret: z.string().min(8).optional(),
  adminPassword: z.string().min(8).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the JSON log goes instead of standard output (the terminal then shows only what a person must read). */
  logFile: z.string().min(1).optional(),
  reportIntervalSeconds: z.coerce.number().int().min(60).default(3600),
  heartbeatIntervalSeconds: z.coerce.number().int().min(5).default(30),
  /** Milliseconds between batched writes of heartbeats; acknowledgements wait for them. */
  presenceFlushMs: z.coerce.number().int().min(50).max(10_000).default(1000),
  /**
   * Connections a second this collector expects to accept after a restart: agents are told to
   * spread their reconnection over (connected agents / this) seconds.
   */
  reconnectsPerSecond: z.coerce.number().int().min(1).default(500),
  /**
   * The largest agent report accepted as sent, in bytes. Agents gzip large inventories: 100,000
   * packages take about 10 MB as JSON and well under 1 MB compressed.
   */
  maxReportBytes: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  /** The largest agent report once decompressed, in bytes. */
  maxReportInflatedBytes: z.coerce.number().int().min(1024).default(64 * 1024 * 1024),
  /** How far ahead of the collector's clock a report's collection time may be (agents' clocks drift). */
  futureReportToleranceSeconds: z.coerce.number().int().min(0).default(3600),
  /** Refused agent requests (bad or revoked token) a minute from one address before it gets 429. */
  agentAuthFailuresPerMinute: z.coerce.number().int().min(1).default(30),
  maxDatabaseConnections: z.coerce.number().int().min(2).max(200).default(10),
  /** Requests a minute one client address may make (agent reports are bounded separately). */
  rateLimitPerMinute: z.coerce.number().int().min(10).default(1200),
  /** Login attempts a minute from one address. */
  loginRateLimitPerMinute: z.coerce.number().int().min(1).default(20),
  /** Serve HTTPS with this certificate and key (PEM files). */
  tlsCertFile: z.string().min(1).optional(),
  tlsKeyFile: z.string().min(1).optional(),
  /** Without a certificate, make a self-signed one in the data folder and serve HTTPS with it. */
  tlsSelfSigned: z.preprocess((v) => v === true || v === 'true' || v === '1', z.boolean()).default(false),
  /** Hosts or addresses outgoing requests (webhooks, helpdesks) may reach despite being link-local. */
  outboundAllow: z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v), z.array(z.string()).default([])),
  /** How long a domain registry has to answer an RDAP look-up. */
  rdapTimeoutSeconds: z.coerce.number().min(0.1).max(120).default(10),
  /**
   * How long a job (a full reconciliation or a label sheet asked for over the API) stays held by the
   * collector running it without a renewal; renewed every third of it. A collector killed mid-job
   * has its job taken back by another this long after.
   */
  jobLeaseSeconds: z.coerce.number().int().min(2).max(3600).default(60),
  /** Seconds between evaluations of the alert rules. */
  alertIntervalSeconds: z.coerce.number().int().min(10).default(300),
  /** Where scheduled backups are written; `<dataDir>/backups` when not given. */
  backupDir: z.string().min(1).optional(),
  /** Hours between scheduled backups, shared by every collector of the database; 0 turns them off. */
  backupIntervalHours: z.coerce.number().min(0).max(24 * 366).default(24),
  /** How many scheduled backup files are kept; older ones are deleted after a successful backup. */
  backupKeep: z.coerce.number().int().min(1).max(10_000).default(14),
  /** Install the default alert rules on a database's first start (left to the administrators after). */
  defaultAlertRules: z.preprocess((v) => (v === undefined ? undefined : v === true || v === 'true' || v === '1'), z.boolean()).default(true),
  /** The address people reach the collector at, for links sent back to it (single sign-on); the request's own otherwise. */
  publicUrl: z.url().optional(),
  /** Single sign-on through an OpenID Connect provider (Entra ID, Okta, Keycloak, Google…). */
  oidcIssuer: z.url().optional(),
  oidcClientId: z.string().min(1).optional(),
  oidcClientSecret: z.string().min(1).optional(),
  /** What the sign-in button calls the provider. */
  oidcName: z.string().min(1).max(64).default('single sign-on'),
  /** The claim that lists a person's groups, and which group gives which role (the strongest wins). */
  oidcRoleClaim: z.string().min(1).default('groups'),
  oidcRoles: roleMap,
  /** The role of people in none of the mapped groups; without it they are refused. */
  oidcDefaultRole: role.optional(),
  /** Where the built dashboard is; found next to the collector when not given. */
  dashboardDir: z.string().optional(),
});
export type CollectorConfig = z.infer<typeof collectorConfigSchema>;

const ENV_KEYS: Record<string, keyof CollectorConfig> = {
  STEWARD_HOST: 'host',
  STEWARD_PORT: 'port',
  DATABASE_URL: 'databaseUrl',
  STEWARD_DATA_DIR: 'dataDir',
  STEWARD_ENROLL_SECRET: 'enrollSecret',
  STEWARD_ADMIN_PASSWORD: 'adminPassword',
  STEWARD_LOG_LEVEL: 'logLevel',
  STEWARD_LOG_FILE: 'logFile',
  STEWARD_REPORT_INTERVAL: 'reportIntervalSeconds',
  STEWARD_HEARTBEAT_INTERVAL: 'heartbeatIntervalSeconds',
  STEWARD_PRESENCE_FLUSH_MS: 'presenceFlushMs',
  STEWARD_RECONNECTS_PER_SECOND: 'reconnectsPerSecond',
  STEWARD_MAX_REPORT_BYTES: 'maxReportBytes',
  STEWARD_MAX_REPORT_INFLATED_BYTES: 'maxReportInflatedBytes',
  STEWARD_AGENT_AUTH_FAILURES: 'agentAuthFailuresPerMinute',
  STEWARD_FUTURE_REPORT_TOLERANCE: 'futureReportToleranceSeconds',
  STEWARD_DB_CONNECTIONS: 'maxDatabaseConnections',
  STEWARD_RATE_LIMIT: 'rateLimitPerMinute',
  STEWARD_DASHBOARD_DIR: 'dashboardDir',
  STEWARD_OUTBOUND_ALLOW: 'outboundAllow',
  STEWARD_ALERT_INTERVAL: 'alertIntervalSeconds',
  STEWARD_JOB_LEASE_SECONDS: 'jobLeaseSeconds',
  STEWARD_TLS_CERT: 'tlsCertFile',
  STEWARD_TLS_KEY: 'tlsKeyFile',
  STEWARD_TLS_SELF_SIGNED: 'tlsSelfSigned',
  STEWARD_DEFAULT_ALERT_RULES: 'defaultAlertRules',
  STEWARD_PUBLIC_URL: 'publicUrl',
  STEWARD_OIDC_ISSUER: 'oidcIssuer',
  STEWARD_OIDC_CLIENT_ID: 'oidcClientId',
  STEWARD_OIDC_CLIENT_SECRET: 'oidcClientSecret',
  STEWARD_OIDC_NAME: 'oidcName',
  STEWARD_OIDC_ROLE_CLAIM: 'oidcRoleClaim',
  STEWARD_OIDC_ROLES: 'oidcRoles',
  STEWARD_OIDC_DEFAULT_ROLE: 'oidcDefaultRole',
  STEWARD_BACKUP_DIR: 'backupDir',
  STEWARD_BACKUP_INTERVAL_HOURS: 'backupIntervalHours',
  STEWARD_BACKUP_KEEP: 'backupKeep',
};

/** Configuration from an optional JSON file (STEWARD_CONFIG), overridden by the environment. */
export function loadCollectorConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<CollectorConfig> = {}): CollectorConfig {
  const file = env.STEWARD_CONFIG;
  const merged: Record<string, unknown> = file ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const [key, field] of Object.entries(ENV_KEYS)) {
    const value = env[key];
    if (value !== undefined && value !== '') merged[field] = value;
  }
  Object.assign(merged, overrides);
  const parsed = collectorConfigSchema
    .refine((c) => !!c.tlsCertFile === !!c.tlsKeyFile, { message: 'tlsCertFile and tlsKeyFile go together', path: ['tlsKeyFile'] })
    .refine((c) => !c.oidcIssuer || !!c.oidcClientId, { message: 'single sign-on needs the client id the provider gave Steward', path: ['oidcClientId'] })
    .safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}
