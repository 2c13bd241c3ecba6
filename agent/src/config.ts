import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

function defaultStateDir(): string {
  if (process.platform === 'win32') return path.join(process.env.ProgramData ?? 'C:\\ProgramData', 'Steward', 'agent');
  if (process.platform === 'darwin') return '/Library/Application Support/Steward/agent';
  if (process.getuid?.() === 0) return '/var/lib/steward-agent';
  return path.join(os.homedir(), '.local', 'state', 'steward-agent');
}

export const agentConfigSchema = z.object({
  server: z.url().default('http://127.0.0.1:8080'),
  enrollSecret: z.string().min(1).optional(),
  stateDir: z.string().min(1).default(defaultStateDir),
  /** Seconds between collections. */
  intervalSeconds: z.coerce.number().int().min(1).max(7 * 86400).default(3600),
  /** How long `--once` keeps retrying an unreachable collector before leaving the report spooled. */
  retryForSeconds: z.coerce.number().int().min(0).max(86400).default(600),
  /**
   * Seconds after which every source is read again even though nothing says it changed: the safety
   * net under the change evidence (file stamps, device listings) that normally decides.
   */
  fullCheckSeconds: z.coerce.number().int().min(0).max(30 * 86400).default(86400),
  /** The most bytes the offline spool keeps; beyond it the oldest reports are folded into one full report. */
  spoolMaxBytes: z.coerce.number().int().min(64 * 1024).default(16 * 1024 * 1024),
  /** A JSON file of software entries to report besides what the package managers know. */
  extraSoftwareFile: z.string().min(1).optional(),
  /** Log to this file instead of standard error (which a service manager sends to its journal). */
  logFile: z.string().min(1).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type AgentConfig = z.infer<typeof agentConfigSchema>;

export const CONFIG_ENVIRONMENT: Record<string, keyof AgentConfig> = {
  STEWARD_SERVER: 'server',
  STEWARD_ENROLL_SECRET: 'enrollSecret',
  STEWARD_AGENT_STATE_DIR: 'stateDir',
  STEWARD_AGENT_INTERVAL: 'intervalSeconds',
  STEWARD_AGENT_RETRY_FOR: 'retryForSeconds',
  STEWARD_AGENT_FULL_CHECK: 'fullCheckSeconds',
  STEWARD_AGENT_SPOOL_MAX_BYTES: 'spoolMaxBytes',
  STEWARD_AGENT_EXTRA_SOFTWARE_FILE: 'extraSoftwareFile',
  STEWARD_AGENT_LOG_FILE: 'logFile',
  STEWARD_LOG_LEVEL: 'logLevel',
};

/** Configuration from an optional JSON file, overridden by the environment. */
export function loadAgentConfig(file?: string, env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const fromFile: Record<string, unknown> = file ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const [key, field] of Object.entries(CONFIG_ENVIRONMENT)) {
    const value = env[key];
    if (value !== undefined && value !== '') fromFile[field] = value;
  }
  const parsed = agentConfigSchema.safeParse(fromFile);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid agent configuration: ${problems}`);
  }
  return parsed.data;
}
