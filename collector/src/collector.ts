import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { collectorLogger } from './logger.js';
import type { CollectorConfig } from './config.js';
import type { CollectorContext } from './context.js';
import { buildServer } from './server.js';
import { ensureAdmin } from './services/auth.js';
import { AgentConnections } from './services/agent-connections.js';
import { LiveEvents } from './services/live-events.js';
import { loadMasterKeys } from './services/secrets.js';
import { IngestGate, ingestGateSize } from './services/ingest-gate.js';
import { startPresenceRetention } from './services/presence-retention.js';
import { startJobLeases } from './services/jobs/job-leases.js';
import { startNetworkRuntime } from './services/network/network-runtime.js';
import type { AlertScheduler } from './alerts/alert-scheduler.js';
import { startAlertScheduler } from './alerts/start-alert-scheduler.js';
import { startBackupSchedule } from './services/scheduled-backup.js';
import { startSoftwareCountFold } from './software/software-counts-fold.js';
import { PresenceBuffer } from './services/presence.js';
import { ensureSelfSignedCertificate, readTlsFiles, type TlsFiles } from './services/tls.js';
import path from 'node:path';
import { databaseKind, type Database } from './store/database.js';
import { migrate } from './store/migrate.js';
import { backfillDeviceEvidence } from './store/identity/evidence.js';
import { junkIdentifiers } from './reconcile/identity/junk-identifiers.js';
import { thisProcess } from './store/jobs.js';
import { openDatabase } from './store/open.js';
import { initSetting } from './store/settings.js';

export interface RunningCollector {
  url: string;
  app: FastifyInstance;
  ctx: CollectorContext;
  /** Set when this start created the first administrator with a password it chose. */
  initialAdminPassword?: string;
  /** Set when this start created the enrolment secret. */
  createdEnrollSecret?: string;
  /** Alerts: evaluation, digests, scheduled reports and deliveries on a schedule shared through the database. */
  alerts: AlertScheduler;
  close(): Promise<void>;
}

/** The enrolment secret from the configuration, else the one kept in the database (made on first start). */
async function resolveEnrollSecret(db: Database, configured?: string): Promise<{ secret: string; created: boolean }> {
  if (configured) return { secret: configured, created: false };
  const candidate = randomBytes(18).toString('base64url');
  const secret = await initSetting(db, 'agent.enrollSecret', candidate);
  return { secret, created: secret === candidate };
}

/** The certificate to serve HTTPS with: configured files, or a self-signed one kept in the data folder. */
async function tlsFor(config: CollectorConfig): Promise<TlsFiles | undefined> {
  if (config.tlsCertFile && config.tlsKeyFile) return readTlsFiles(config.tlsCertFile, config.tlsKeyFile);
  if (!config.tlsSelfSigned) return undefined;
  const made = await ensureSelfSignedCertificate(path.join(config.dataDir, 'tls'));
  return readTlsFiles(made.certFile, made.keyFile);
}

export async function startCollector(config: CollectorConfig, options: { log?: Logger; db?: Database } = {}): Promise<RunningCollector> {
  const log = options.log ?? collectorLogger(config);
  // Set before any worker claims a job: the claim is made under this lease.
  thisProcess.leaseSeconds = config.jobLeaseSeconds;
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: config.maxDatabaseConnections }));
  const applied = await migrate(db);
  if (applied.length) log.info({ migrations: applied }, 'database migrated');
  const withEvidence = await backfillDeviceEvidence(db, junkIdentifiers());
  if (withEvidence) log.info({ devices: withEvidence }, 'identity evidence recorded for devices stored before it was kept');
  const admin = await ensureAdmin(db, config.adminPassword);
  const enrol = await resolveEnrollSecret(db, config.enrollSecret);
  const live = new LiveEvents(db);
  const agents = new AgentConnections(db);
  await live.start();
  await agents.start();
  const secrets = loadMasterKeys({ dataDir: config.dataDir });
  const ctx: CollectorContext = { config, db, databaseKind: await databaseKind(db), log, live, agents, enrollSecret: enrol.secret, secrets,
    ingestGate: (({ slots, waiting }) => new IngestGate(slots, Math.random, waiting))(ingestGateSize(config.maxDatabaseConnections)),
    presence: new PresenceBuffer(db, log, { heartbeatIntervalSeconds: config.heartbeatIntervalSeconds, flushMs: config.presenceFlushMs, maxBatch: 10_000 }) };
  ctx.presence.start();
  const tls = await tlsFor(config);
  const app = await buildServer(ctx, tls);
  // Network discovery: the SNMP poller and sweeps run beside the API, on the same database.
  const network = await startNetworkRuntime(ctx);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `${tls ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info({ url, database: ctx.databaseKind }, 'collector listening');
  // Alerts: this collector's share of rule evaluation, digests, scheduled reports and deliveries.
  const alerts = startAlertScheduler(ctx);
  const backups = await startBackupSchedule(ctx);
  const presenceRetention = startPresenceRetention(ctx);
  const softwareCounts = startSoftwareCountFold(ctx);
  // Jobs this collector runs stay held while it lives; those of a collector that died are taken back.
  const jobLeases = startJobLeases(db, log, {
    onReclaimed: () => {
      app.reconcileWorker.jobs.kick();
      app.labelJobs.kick();
    },
  });
  return {
    url,
    app,
    ctx,
    initialAdminPassword: admin.created && !config.adminPassword ? admin.password : undefined,
    createdEnrollSecret: enrol.created ? enrol.secret : undefined,
    alerts,
    async close() {
      // A full reconciliation under way is the longest work there is: it is told to stop first,
      // and stops while the rest shuts down.
      const reconciliation = app.reconcileWorker.stop();
      await alerts.stop();
      await backups.stop();
      await presenceRetention.stop();
      await softwareCounts.stop();
      await jobLeases.stop();
      await network.stop();
      await ctx.presence.stop();
      await reconciliation;
      await app.close();
      await ctx.presence.flush();
      await live.stop();
      await agents.stop();
      if (!options.db) await db.close();
    },
  };
}
