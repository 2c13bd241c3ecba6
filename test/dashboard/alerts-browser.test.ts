import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { alertRecord, alertRule, enrollAnswer, integrationRecord, notificationSettings } from '@steward/shared';
import { z } from 'zod';
import { DEFAULT_ALERT_RULES } from '../../collector/src/alerts/default-rules.js';
import { startHttpStub } from '../collector/alerts/support/http-stub.js';
import { startSmtpSink } from '../collector/alerts/support/smtp-sink.js';
import { sendHeartbeat } from '../support/heartbeat.js';
import { chromiumMissing } from './support/browser.js';
import { saveScreenshot, signIn } from './support/browser-session.js';
import { useBrowserWorld } from './support/browser-world.js';
import { ADMIN_PASSWORD, ENROLL_SECRET } from './support/dashboard-collector.js';

const ruleList = z.object({ items: z.array(alertRule) });
const alertList = z.object({ items: z.array(alertRecord) });

/**
 * The Alerts screen in Debian's chromium against a real collector that installed the default
 * rules: rules listed, added, refused with the field named, switched off and deleted; an alert
 * raised by a default rule acknowledged; read-only roles see the rules without the controls.
 */
describe.skipIf(chromiumMissing())('alerts and alert rules in a browser', () => {
  const world = useBrowserWorld();
  const api = world.api;
  const rules = async () => ruleList.parse((await api('/api/v1/alerts/rules')).body).items;

  async function alertsAs(username: string, password: string, tab: 'Alerts' | 'Rules' | 'Delivery'): Promise<Page> {
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, world.collector.url, username, password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('tab', { name: tab }).click();
    return page;
  }

  it('lists the default rules and adds, refuses, switches off and deletes a rule', async () => {
    const page = await alertsAs('admin', ADMIN_PASSWORD, 'Rules');
    const table = page.getByTestId('alert-rules-table');
    await table.waitFor();
    expect((await table.locator('tbody tr').count())).toBe(DEFAULT_ALERT_RULES.length);

    await page.getByRole('button', { name: 'Add rule' }).click();
    const form = page.getByTestId('alert-rule-form');
    await form.getByLabel('Watches').selectOption('agent_silent');
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('Agent silent');
    await form.getByLabel('Name', { exact: true }).fill('Branch laptops quiet for 3 days');
    await form.getByLabel(/^Silent for/).fill('0');
    await form.getByLabel(/^E-mail to/).fill('desk@example.org, ops@example.org');
    await form.locator('label', { hasText: 'E-mail sent' }).locator('select').selectOption('digest');
    await form.getByRole('button', { name: 'Add rule' }).click();
    // Zero days is refused, with the field named, and nothing is stored.
    await expect.poll(async () => (await form.getByRole('alert').textContent()) ?? '').toContain('params.days');
    expect((await rules()).some((r) => r.name === 'Branch laptops quiet for 3 days')).toBe(false);

    await form.getByLabel(/^Silent for/).fill('3');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await form.waitFor({ state: 'detached' });
    const added = (await rules()).find((r) => r.name === 'Branch laptops quiet for 3 days');
    expect(added).toMatchObject({ kind: 'agent_silent', enabled: true, severity: 'warning', params: { days: 3 } });
    expect(added!.routing.email).toEqual({ recipients: ['desk@example.org', 'ops@example.org'], mode: 'digest' });
    const row = table.locator(`tr[data-rule="${added!.name}"]`);
    expect(await row.textContent()).toContain('Dashboard, 2 e-mails (digest)');
    await saveScreenshot(page, 'alert-rules');

    await row.getByLabel(`${added!.name} on`).uncheck();
    await expect.poll(async () => (await rules()).find((r) => r.id === added!.id)?.enabled).toBe(false);
    await row.getByRole('button', { name: 'Change' }).click();
    await page.getByTestId('alert-rule-form').getByLabel(/^Silent for/).fill('5');
    await page.getByTestId('alert-rule-form').getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(async () => (await rules()).find((r) => r.id === added!.id)?.params).toEqual({ days: 5 });
    expect((await rules()).find((r) => r.id === added!.id)?.enabled).toBe(false);

    await row.getByRole('button', { name: 'Delete…' }).click();
    await row.getByRole('button', { name: `Delete ${added!.name}` }).click();
    await row.waitFor({ state: 'detached' });
    expect((await rules()).some((r) => r.id === added!.id)).toBe(false);
    await page.close();
  });

  it('shows an alert a default rule raised and acknowledges it; a helpdesk user reads the rules only', async () => {
    const enrolled = await fetch(`${world.collector.url}/api/v1/agents/enroll`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: 1, secret: ENROLL_SECRET, hostname: 'ws-late-clock', agentVersion: '1.4.0', platform: 'linux' }),
    });
    const agent = enrollAnswer.parse(await enrolled.json());
    await sendHeartbeat(world.collector.url, agent.token, -15 * 60);
    expect((await api('/api/v1/alerts/evaluate', { method: 'POST', body: '{}' })).status).toBe(200);

    const page = await alertsAs('admin', ADMIN_PASSWORD, 'Alerts');
    const row = page.getByTestId('alerts-table').locator('tr', { hasText: 'ws-late-clock' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/clock of ws-late-clock is 15 min (1 s )?behind the collector's/);
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(async () => alertList.parse((await api('/api/v1/alerts?state=acknowledged')).body).items.map((a) => a.summary))
      .toEqual([expect.stringContaining('ws-late-clock')]);
    await page.close();

    await world.collector.addUser('holly', 'helpdesk-password-5', 'helpdesk');
    const helpdesk = await alertsAs('holly', 'helpdesk-password-5', 'Rules');
    const skewRow = helpdesk.getByTestId('alert-rules-table').locator('tr', { hasText: 'Agent clock 5 minutes or more off' });
    await skewRow.waitFor();
    // Acknowledged, not resolved: the alert still counts against its rule.
    expect(await skewRow.locator('td').nth(4).textContent()).toBe('1');
    expect(await helpdesk.getByRole('button', { name: 'Add rule' }).count()).toBe(0);
    expect(await skewRow.getByRole('checkbox').isDisabled()).toBe(true);
    await helpdesk.close();
  });
  it('sets the e-mail relay and checks it with a test message, adds a webhook, and logs a delivered alert e-mail', async () => {
    const sink = await startSmtpSink();
    const receiver = await startHttpStub(() => ({ status: 204 }));
    try {
      const page = await alertsAs('admin', ADMIN_PASSWORD, 'Delivery');
      const email = page.getByTestId('email-panel');
      await email.getByLabel('SMTP host').fill('127.0.0.1');
      await email.getByLabel('Port', { exact: true }).fill(String(sink.port));
      await email.locator('label', { hasText: 'Security' }).locator('select').selectOption('none');
      await email.getByLabel('From', { exact: true }).fill('steward@example.org');
      await email.getByRole('button', { name: 'Save e-mail settings' }).click();
      await email.getByText('E-mail settings saved.').waitFor();
      expect(notificationSettings.parse((await api('/api/v1/alerts/settings')).body).smtp).toMatchObject({ host: '127.0.0.1', port: sink.port, security: 'none' });

      await email.getByLabel('Send a test to').fill('check@example.org');
      await email.getByRole('button', { name: 'Send test' }).click();
      await expect.poll(() => email.getByTestId('test-email-result').textContent()).toMatch(/^Sent: the relay answered /);
      expect((await sink.waitFor(1))[0]).toMatchObject({ to: ['check@example.org'], subject: 'Steward test message' });

      const secret = 'whsec-browser-0123456789';
      const hooks = page.getByTestId('webhooks-panel');
      await hooks.getByLabel('Name', { exact: true }).fill('Ops chat');
      await hooks.getByLabel('Address').fill(`${receiver.url}/hooks/steward`);
      await hooks.getByLabel(/^Signing secret/).fill(secret);
      await hooks.getByRole('button', { name: 'Add webhook' }).click();
      await hooks.locator('tr[data-webhook="Ops chat"]').waitFor();
      expect(JSON.stringify((await api('/api/v1/alerts/webhooks')).body)).not.toContain(secret);
      expect(await page.content()).not.toContain(secret);
      await hooks.locator('tr[data-webhook="Ops chat"]').getByRole('button', { name: 'Send test' }).click();
      await expect.poll(() => hooks.getByTestId('webhook-test-result').textContent()).toBe('Ops chat: delivered (HTTP 204)');
      expect(receiver.requests.map((r) => r.headers['x-steward-event'])).toEqual(['webhook.test']);

      // A helpdesk: the fields its kind needs, numbers typed as numbers, the token sealed and never shown back.
      const token = 'zammad-token-abcdef123456';
      const desk = page.getByTestId('helpdesk-panel');
      await desk.locator('label', { hasText: 'Helpdesk' }).first().locator('select').selectOption('glpi');
      await desk.getByLabel('Entity id').waitFor();
      await desk.locator('label', { hasText: 'Helpdesk' }).first().locator('select').selectOption('zammad');
      await desk.getByLabel('Name', { exact: true }).fill('Service desk');
      await desk.getByLabel('Address').fill('https://desk.example.org');
      await desk.getByLabel('Access token').fill(token);
      await desk.getByLabel('Group', { exact: true }).fill('IT Support');
      await desk.getByLabel(/^Customer/).fill('steward@example.org');
      await desk.getByRole('button', { name: 'Add helpdesk' }).click();
      await desk.locator('tr[data-helpdesk="Service desk"]').waitFor();
      const desks = z.object({ items: z.array(integrationRecord) }).parse((await api('/api/v1/integrations')).body).items;
      expect(desks).toHaveLength(1);
      expect(desks[0]).toMatchObject({ kind: 'zammad', baseUrl: 'https://desk.example.org', autoClose: true, secretsSet: ['token'], settings: { group: 'IT Support', customer: 'steward@example.org' } });
      expect(await page.content()).not.toContain(token);
      expect(await desk.locator('tr[data-helpdesk="Service desk"]').textContent()).toContain('Zammad');

      // A rule that mails: its alert goes out through the relay and the log says so.
      const agent = enrollAnswer.parse(await (await fetch(`${world.collector.url}/api/v1/agents/enroll`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ protocol: 1, secret: ENROLL_SECRET, hostname: 'ws-fast-clock', agentVersion: '1.4.0', platform: 'macos' }),
      })).json());
      await sendHeartbeat(world.collector.url, agent.token, 20 * 60);
      expect((await api('/api/v1/alerts/rules', { method: 'POST', body: JSON.stringify({ name: 'Clocks, mailed', kind: 'agent_clock_skew', routing: { email: { recipients: ['ops@example.org'] } } }) })).status).toBe(201);
      expect((await api('/api/v1/alerts/evaluate', { method: 'POST', body: '{}' })).status).toBe(200);
      // Other rules' mails may come first, and a loaded machine may take more than seconds to send.
      await expect.poll(() => sink.mails.some((m) => m.to.includes('ops@example.org') && m.subject.includes('ws-fast-clock')), { timeout: 30_000 }).toBe(true);
      const log = page.getByTestId('deliveries-panel');
      await expect.poll(async () => {
        await log.getByRole('button', { name: 'Refresh' }).click();
        return log.getByTestId('deliveries-table').locator('tbody tr', { hasText: 'E-mail' }).filter({ hasText: 'delivered' }).count();
      }).toBeGreaterThan(0);
      await saveScreenshot(page, 'alert-delivery', true);
      await page.close();
    } finally {
      await sink.close();
      await receiver.close();
    }
  });
});
