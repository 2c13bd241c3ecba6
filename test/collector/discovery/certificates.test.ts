import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateProblem, CertificateView } from '@steward/shared';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { expectStatus, startAlertWorld, type AlertWorld } from '../alerts/support/alert-world.js';
import { makeTestCertificates, type TestCertificates } from './support/test-certificates.js';
import { startListeners, type Listeners } from './support/tls-servers.js';

/*
 * A scan of 127.0.0.1 finds the certificate of every TLS listener the test started (and the one an
 * SMTP server presents after STARTTLS), judges each, keeps it, and raises the alerts each deserves.
 */

const SERVED = ['valid', 'expired', 'expiringIn10Days', 'selfSigned', 'wrongName', 'rsa1024', 'sha1'] as const;

/** What each listener's certificate must be found to have wrong, and nothing else. */
const EXPECTED_PROBLEMS: Record<(typeof SERVED)[number] | 'smtp', CertificateProblem[]> = {
  valid: [],
  expired: ['expired'],
  expiringIn10Days: [],
  selfSigned: ['self-signed'],
  wrongName: ['name-mismatch'],
  rsa1024: ['weak-key'],
  sha1: ['weak-signature'],
  smtp: [],
};

describe.each(CONTRACT_BACKENDS)('TLS certificate discovery on %s', (backend) => {
  let w: AlertWorld;
  let certs: TestCertificates;
  let listeners: Listeners;
  let found: CertificateView[];
  const at = (port: number) => found.find((c) => c.endpoints.some((e) => e.port === port));

  beforeAll(async () => {
    certs = makeTestCertificates();
    listeners = await startListeners(Object.fromEntries(SERVED.map((name) => [name, certs[name]])), certs.valid);
    w = await startAlertWorld(backend);
    expectStatus(await w.admin.put('/api/v1/certificates/trusted-authorities', { pems: [certs.root] }), 200);
    const ports = [...SERVED.map((name) => ({ port: listeners.ports[name]!, protocol: 'tls' })), { port: listeners.ports.smtp!, protocol: 'smtp' }];
    // A closed port beside them: silence, not an error.
    ports.push({ port: 1, protocol: 'tls' });
    const scan = expectStatus(await w.admin.post('/api/v1/certificates/scans', { include: ['127.0.0.1'], ports, timeoutMs: 5000 }), 202);
    let view = scan;
    for (let i = 0; i < 300 && view.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = expectStatus(await w.admin.get(`/api/v1/certificates/scans/${scan.id}`), 200);
    }
    expect(view).toMatchObject({ status: 'finished', total: ports.length, done: ports.length, presented: ports.length - 1, errors: [] });
    found = expectStatus(await w.admin.get('/api/v1/certificates'), 200).items;
  });
  afterAll(async () => {
    await w?.stop();
    await listeners?.close();
  });

  it('finds every certificate presented, directly and after STARTTLS, with what is wrong with each', () => {
    for (const [name, problems] of Object.entries(EXPECTED_PROBLEMS)) {
      const port = listeners.ports[name]!;
      const certificate = at(port);
      expect(certificate, `certificate on ${name}`).toBeDefined();
      const endpoint = certificate!.endpoints.find((e) => e.port === port)!;
      expect({ name, problems: [...endpoint.problems].sort() }).toEqual({ name, problems: [...problems].sort() });
      expect(endpoint.protocol).toBe(name === 'smtp' ? 'smtp' : 'tls');
    }
  });

  it('reads subject, names, issuer, chain, key, signature, validity and fingerprint', () => {
    const valid = at(listeners.ports.valid!)!;
    expect(valid.commonName).toBe('localhost');
    expect(valid.subjectAltNames).toEqual(['DNS:localhost', 'IP:127.0.0.1']);
    expect(valid.issuer).toContain('Steward Test Issuing CA');
    expect(valid.chain.map((c) => c.subject).some((subject) => subject.includes('CN=Steward Test Issuing CA'))).toBe(true);
    expect(valid).toMatchObject({ keyType: 'rsa', keyBits: 2048, signatureAlgorithm: 'sha256WithRSAEncryption', selfSigned: false });
    expect(valid.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(at(listeners.ports.rsa1024!)!.keyBits).toBe(1024);
    expect(at(listeners.ports.sha1!)!.signatureAlgorithm).toBe('sha1WithRSAEncryption');
    const soon = Date.parse(at(listeners.ports.expiringIn10Days!)!.notAfter) - Date.now();
    expect(Math.floor(soon / 86_400_000)).toBe(10);
    // The SMTP server presents the same certificate as the valid listener: one certificate, two places.
    expect(at(listeners.ports.smtp!)!.id).toBe(valid.id);
    expect(valid.endpoints).toHaveLength(2);
  });

  it('without the organisation\'s root, its certificates are untrusted', async () => {
    expectStatus(await w.admin.put('/api/v1/certificates/trusted-authorities', { pems: [] }), 200);
    const scan = expectStatus(await w.admin.post('/api/v1/certificates/scans', { include: ['127.0.0.1'], ports: [{ port: listeners.ports.valid!, protocol: 'tls' }] }), 202);
    await waitForScan(w, scan.id);
    const valid = expectStatus(await w.admin.get(`/api/v1/certificates/${at(listeners.ports.valid!)!.id}`), 200) as CertificateView;
    expect(valid.endpoints.find((e) => e.port === listeners.ports.valid)!.problems).toEqual(['untrusted']);
    expectStatus(await w.admin.put('/api/v1/certificates/trusted-authorities', { pems: [certs.root] }), 200);
    await waitForScan(w, expectStatus(await w.admin.post('/api/v1/certificates/scans', { include: ['127.0.0.1'], ports: [{ port: listeners.ports.valid!, protocol: 'tls' }] }), 202).id);
  });

  it('raises the alert each certificate deserves, once', async () => {
    const rules: Record<string, string> = {};
    for (const kind of ['certificate_expiring', 'certificate_weak', 'certificate_untrusted', 'certificate_name_mismatch']) {
      rules[kind] = expectStatus(await w.admin.post('/api/v1/alerts/rules', { name: `${kind} test`, kind, params: kind === 'certificate_expiring' ? { days: 30 } : {} }), 201).id;
    }
    const now = new Date();
    await w.evaluate(now);
    expect((await w.evaluate(new Date(now.getTime() + 60_000))).opened).toBe(0);
    const alertsOf = async (kind: string) => (expectStatus(await w.admin.get(`/api/v1/alerts?ruleId=${rules[kind]}&state=open`), 200).items as Array<{ subjectId: string; summary: string }>)
      .map((a) => a.subjectId).sort();
    const ids = (...names: string[]) => names.map((n) => at(listeners.ports[n]!)!.id).sort();
    expect(await alertsOf('certificate_expiring')).toEqual(ids('expired', 'expiringIn10Days'));
    expect(await alertsOf('certificate_weak')).toEqual(ids('rsa1024', 'sha1'));
    expect(await alertsOf('certificate_untrusted')).toEqual(ids('selfSigned'));
    expect(await alertsOf('certificate_name_mismatch')).toEqual(ids('wrongName'));
    for (const id of Object.values(rules)) expectStatus(await w.admin.delete(`/api/v1/alerts/rules/${id}`), 204);
  });

  it('keeps a found certificate in the register, owned by a department, once', async () => {
    const certificate = at(listeners.ports.expiringIn10Days!)!;
    const unregistered = expectStatus(await w.admin.get('/api/v1/certificates?registered=false'), 200).items as CertificateView[];
    expect(unregistered.map((c) => c.id)).toContain(certificate.id);
    const department = expectStatus(await w.admin.post('/api/v1/register/departments', { name: 'Web team' }), 201);
    const asset = expectStatus(await w.admin.post(`/api/v1/certificates/${certificate.id}/register`, { ownerDepartmentId: department.id }), 201);
    expect(asset).toMatchObject({ name: 'soon.localhost', departmentId: department.id, expiresOn: certificate.notAfter.slice(0, 10), status: 'deployed' });
    expect(asset.customFields).toMatchObject({ common_name: 'soon.localhost', key_type: 'RSA' });
    expect(expectStatus(await w.admin.get(`/api/v1/certificates/${certificate.id}`), 200).assetTag).toBe(asset.tag);
    expect(expectStatus(await w.admin.get('/api/v1/certificates?registered=false'), 200).items.map((c: CertificateView) => c.id)).not.toContain(certificate.id);
    expect((await w.admin.post(`/api/v1/certificates/${certificate.id}/register`, {})).status).toBe(409);
  });

  it('lists presented certificates the register does not keep as findings, resolved once one is kept', async () => {
    const findingsNow = async () => (expectStatus(await w.admin.get('/api/v1/findings?type=unregistered&limit=1000'), 200).items as Array<{ subtype: string | null; state: string; details: { certificateId?: string } }>)
      .filter((f) => f.subtype === 'certificate');
    expectStatus(await w.admin.post('/api/v1/reconcile/run?wait=true', {}), 200);
    const open = (await findingsNow()).filter((f) => f.state === 'open').map((f) => f.details.certificateId).sort();
    const registered = at(listeners.ports.expiringIn10Days!)!.id;
    const presented = [...new Set(Object.keys(EXPECTED_PROBLEMS).map((name) => at(listeners.ports[name]!)!.id))];
    expect(open).toEqual(presented.filter((id) => id !== registered).sort());
    const valid = at(listeners.ports.valid!)!.id;
    expectStatus(await w.admin.post(`/api/v1/certificates/${valid}/register`, {}), 201);
    expectStatus(await w.admin.post('/api/v1/reconcile/run?wait=true', {}), 200);
    expect((await findingsNow()).find((f) => f.details.certificateId === valid)?.state).toBe('resolved');
  });

  it('refuses a scan of what is not an address, and a CA that is not a certificate, naming the field', async () => {
    const bad = await w.admin.post('/api/v1/certificates/scans', { include: ['10.0.0.0/33'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('include');
    const notCa = await w.admin.put('/api/v1/certificates/trusted-authorities', { pems: [certs.valid.cert.split('-----END CERTIFICATE-----')[0] + '-----END CERTIFICATE-----\n'] });
    expect(notCa.status).toBe(400);
    expect(JSON.stringify(notCa.body)).toContain('pems.0');
  });
});

async function waitForScan(w: AlertWorld, id: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (expectStatus(await w.admin.get(`/api/v1/certificates/scans/${id}`), 200).status !== 'running') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`scan ${id} did not end`);
}
