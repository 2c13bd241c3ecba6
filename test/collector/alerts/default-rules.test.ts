import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertRule, DEFAULT_SEVERITY } from '@steward/shared';
import { z } from 'zod';
import { DEFAULT_ALERT_RULES, seedDefaultAlertRules } from '../../../collector/src/alerts/default-rules.js';
import { evaluateAlerts } from '../../../collector/src/alerts/evaluate-alerts.js';
import { alertDepsFrom } from '../../../collector/src/alerts/alert-deps.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../../support/collector.js';
import { sendHeartbeat } from '../../support/heartbeat.js';

const ruleList = z.object({ items: z.array(alertRule) });

/** A new installation starts with working alert rules, installed once and then the administrators' own. */
describe.each(CONTRACT_BACKENDS)('default alert rules on %s', (backend) => {
  let c: TestCollector;
  let admin: { authorization: string };
  const rules = async () => ruleList.parse(await (await fetch(`${c.url}/api/v1/alerts/rules`, { headers: admin })).json()).items;

  beforeAll(async () => {
    c = await startTestCollector(backend, { defaultAlertRules: true });
    await c.alerts.stop();
    admin = await c.adminAuth();
  });
  afterAll(async () => c?.stop());

  it('installs each default rule, enabled and shown on the dashboard only', async () => {
    const installed = await rules();
    expect(installed.map((r) => r.name).sort()).toEqual(DEFAULT_ALERT_RULES.map((r) => r.name).sort());
    for (const rule of installed) {
      expect(rule.enabled).toBe(true);
      expect(rule.severity).toBe(DEFAULT_SEVERITY[rule.kind]);
      expect(rule.routing).toMatchObject({ dashboard: true, email: { recipients: [] }, webhookIds: [], integrationIds: [] });
    }
    const { rows } = await c.database.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'alert-rule.create' and actor = 'system'");
    expect(rows[0]!.n).toBe(installed.length);
  });

  it('raises alerts from the start: an agent whose clock is off', async () => {
    const agent = await enrolTestAgent(c.url, 'ws-slow-clock');
    await sendHeartbeat(c.url, agent.token, -400);
    const result = await evaluateAlerts(alertDepsFrom(c.ctx), new Date());
    expect(result.opened).toBe(1);
    const skewRule = (await rules()).find((r) => r.kind === 'agent_clock_skew')!;
    expect(skewRule.openAlerts).toBe(1);
  });

  it('installs them once: a deleted default rule stays deleted', async () => {
    const [first] = await rules();
    expect((await fetch(`${c.url}/api/v1/alerts/rules/${first!.id}`, { method: 'DELETE', headers: admin })).status).toBe(204);
    expect(await seedDefaultAlertRules(c.ctx.db)).toBe(0);
    const left = await rules();
    expect(left).toHaveLength(DEFAULT_ALERT_RULES.length - 1);
    expect(left.some((r) => r.id === first!.id)).toBe(false);
  });
});
