import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type OidcProvider } from '../support/oidc-provider.js';
import { chromiumMissing } from './support/browser.js';
import { saveScreenshot, signIn } from './support/browser-session.js';
import { useBrowserWorld } from './support/browser-world.js';
import { ADMIN_PASSWORD } from './support/dashboard-collector.js';

/**
 * Single sign-on in Debian's chromium: the sign-in screen offers the provider, the browser goes
 * there and back through real redirects, and lands signed in with the role the groups give, or on
 * the sign-in screen with the reason it was refused.
 */
describe.skipIf(chromiumMissing())('single sign-on in a browser', () => {
  let idp: OidcProvider;
  // The provider starts first: the collector is configured with its address.
  beforeAll(async () => {
    idp = await startOidcProvider();
  });
  afterAll(async () => idp?.close());
  const world = useBrowserWorld(() => ({
    oidcIssuer: idp.issuer, oidcClientId: idp.clientId, oidcClientSecret: idp.clientSecret, oidcName: 'Contoso SSO',
    oidcRoles: 'it-staff=itadmin',
  }));

  it('signs in through the provider with the role its groups give, leaving nothing in the address', async () => {
    idp.user = { sub: 'okta-42', preferred_username: 'erin', name: 'Erin Admin', groups: ['it-staff'] };
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(world.collector.url);
    const button = page.getByTestId('sso-sign-in');
    expect(await button.textContent()).toBe('Sign in with Contoso SSO');
    await saveScreenshot(page, 'sign-in-sso');
    await button.click();
    const user = page.getByTestId('current-user');
    await user.waitFor();
    expect(await user.textContent()).toContain('erin');
    expect(await user.textContent()).toContain('IT administrator');
    expect(new URL(page.url()).hash).toBe('');
    // An IT administrator's screens: Settings is there, user management is not.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    expect(await page.getByRole('tab').allTextContents()).not.toContain('Users and tokens');
    expect(idp.problems).toEqual([]);
    await page.close();

    // The administrator sees who signs in through the provider.
    const admin = await world.browser.newPage({ viewport: { width: 1280, height: 860 } });
    await signIn(admin, world.collector.url, 'admin', ADMIN_PASSWORD);
    await admin.goto(`${world.collector.url}/settings`);
    await admin.getByRole('tab', { name: 'Users and tokens' }).click();
    const users = admin.getByTestId('users-table');
    expect(await users.locator('tr[data-username="erin"]').textContent()).toContain('SSO');
    expect(await users.locator('tr[data-username="admin"]').textContent()).not.toContain('SSO');
    await admin.close();
  });

  it('comes back to the sign-in screen with the reason when the provider gives no role', async () => {
    idp.user = { sub: 'okta-43', preferred_username: 'frank', groups: ['marketing'] };
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(world.collector.url);
    await page.getByTestId('sso-sign-in').click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Single sign-on failed: frank is in none of the groups that give a Steward role');
    expect(new URL(page.url()).hash).toBe('');
    await page.close();
  });
});
