import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { agentMessage, enrollRequest, inventoryDelta } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { enrollAgent } from '../services/enrolment.js';
import { ApiProblem } from '../services/errors.js';
import { ingestReport, type IngestOutcome } from '../services/ingest.js';
import { ingestDelta } from '../services/ingest-delta.js';
import { heartbeatAck } from '../services/heartbeat-ack.js';
import { requirePermission } from './auth.js';
import { validate, validateReport } from './validate.js';
import { agentAuthentication, agentBody } from './agent-guard.js';
import { refuseFutureReport } from '../services/report-clock.js';
import { metrics } from '../alerts/metrics.js';

export function agentRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.post('/api/v1/agents/enroll', async (request) => {
    const body = validate(enrollRequest, request.body, 'enrolment');
    const answer = await enrollAgent(ctx.db, {
      enrollSecret: ctx.enrollSecret,
      reportIntervalSeconds: ctx.config.reportIntervalSeconds,
      heartbeatIntervalSeconds: ctx.config.heartbeatIntervalSeconds,
    }, body, request.ip);
    request.log.info({ agentId: answer.agentId, hostname: body.hostname }, 'agent enrolled');
    return answer;
  });

  const authenticated = agentAuthentication(ctx);
  app.post('/api/v1/agents/report', {
    bodyLimit: ctx.config.maxReportInflatedBytes,
    onRequest: authenticated,
    preParsing: agentBody(ctx.config.maxReportBytes),
  }, async (request) => {
    const agent = request.agent!;
    const isDelta = (request.body as { kind?: unknown } | null)?.kind === 'delta';
    let outcome: IngestOutcome;
    const timer = metrics.ingestDuration.startTimer();
    if (isDelta) {
      const delta = validate(inventoryDelta, request.body, 'report');
      refuseFutureReport(delta.collectedAt, ctx.config.futureReportToleranceSeconds);
      outcome = await ctx.ingestGate.run(() => ingestDelta(ctx.db, agent, delta, request.bodySha256));
    } else {
      const report = await validateReport(request.body);
      refuseFutureReport(report.collectedAt, ctx.config.futureReportToleranceSeconds);
      outcome = await ctx.ingestGate.run(() => ingestReport(ctx.db, agent, report, request.bodySha256));
    }
    timer();
    metrics.reportsIngested.inc({ outcome: outcome.answer.duplicate ? 'duplicate' : outcome.change || outcome.unchanged ? 'applied' : 'stale' });
    request.log.info(
      { agentId: agent.id, reportId: outcome.answer.reportId, kind: isDelta ? 'delta' : 'full', software: outcome.answer.softwareCount, duplicate: outcome.answer.duplicate },
      'report ingested',
    );
    for (const replaced of outcome.retired ?? []) await ctx.agents.disconnect(replaced, 'another agent now reports for this machine');
    if (outcome.change) {
      await ctx.live.publish({
        type: 'device.changed', deviceId: outcome.answer.deviceId, change: outcome.change, ...(outcome.softwareOnly ? { softwareOnly: true } : {}), at: new Date().toISOString(),
      })
        .catch((error: Error) => request.log.warn({ err: error.message }, 'live event not published'));
    }
    return outcome.answer;
  });

  app.post('/api/v1/agents/:id/collect', async (request) => {
    const user = await requirePermission(ctx, request, 'agents:command');
    const { id } = validate(z.object({ id: z.uuid() }), request.params, 'path');
    await ctx.agents.sendToAgent(id, { type: 'collect-now', reason: `asked by ${user.username}` });
    return { sent: true };
  });

  app.post('/api/v1/agents/:id/resync', async (request) => {
    const user = await requirePermission(ctx, request, 'agents:command');
    const { id } = validate(z.object({ id: z.uuid() }), request.params, 'path');
    await ctx.agents.sendToAgent(id, { type: 'resync', reason: `asked by ${user.username}` });
    return { sent: true };
  });

  app.get('/api/v1/agents/ws', {
    websocket: true,
    onRequest: authenticated,
    preValidation: async (request) => {
      request.agentId = request.agent!.id;
    },
  }, (socket, request) => {
    const agentId = request.agentId;
    const log = request.log.child({ agentId });
    let revoked = false;
    const detach = ctx.agents.attach(agentId, {
      send: (message) => socket.send(JSON.stringify(message)),
      // Policy violation: the agent must not reconnect with this token.
      close: (reason) => { revoked = true; socket.close(1008, reason); },
    });
    log.info('agent connected');
    void ctx.live.publish({ type: 'agent.connection', agentId, online: true, at: new Date().toISOString() }).catch(() => undefined);
    socket.on('message', (data: Buffer) => {
      let parsed;
      try {
        parsed = agentMessage.safeParse(JSON.parse(data.toString('utf8')));
      } catch {
        parsed = undefined;
      }
      if (revoked) return;
      if (!parsed?.success) {
        socket.send(JSON.stringify({ type: 'error', message: 'message: not a valid agent message' }));
        return;
      }
      const now = new Date();
      // Network delay makes this a little low; far below the minutes that break Kerberos or TLS.
      const clockSkewSeconds = Math.round((Date.parse(parsed.data.sentAt) - now.getTime()) / 100) / 10;
      ctx.presence.beat(agentId, { at: now, address: request.ip, clockSkewSeconds, uptimeSeconds: parsed.data.uptimeSeconds }, () => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(heartbeatAck(ctx, now)));
      });
    });
    socket.on('close', () => {
      detach();
      ctx.presence.disconnected(agentId);
      log.info('agent disconnected');
      void ctx.live.publish({ type: 'agent.connection', agentId, online: false, at: new Date().toISOString() }).catch(() => undefined);
    });
  });
}
