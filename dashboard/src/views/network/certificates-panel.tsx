import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CertificateProblem, CertificateScanView, CertificateView, TlsPort } from '@steward/shared';
import { fetchCertificates, fetchCertificateScan, registerCertificate, startCertificateScan } from '../../api/discovery.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { routeHref } from '../../routing/routes.js';

const PROBLEM_LABELS: Record<CertificateProblem, string> = {
  expired: 'Expired', 'not-yet-valid': 'Not yet valid', 'weak-key': 'Weak key', 'weak-signature': 'Weak signature',
  'self-signed': 'Self-signed', untrusted: 'Untrusted chain', 'name-mismatch': 'Wrong name',
};
const DAY_MS = 86_400_000;

function endsLabel(notAfter: string): string {
  const days = Math.floor((Date.parse(notAfter) - Date.now()) / DAY_MS);
  return days < 0 ? `ended ${-days} days ago` : days === 0 ? 'ends today' : `in ${days} days`;
}

/** "443, 8443, 25/smtp": ports with the protocol spoken before TLS where it is not TLS from the start. */
function parsePorts(value: string): TlsPort[] | undefined {
  const items = value.split(/[\s,]+/).filter(Boolean);
  if (items.length === 0) return undefined;
  return items.map((item) => {
    const [port, protocol] = item.split('/');
    return { port: Number(port), protocol: (protocol ?? 'tls') as TlsPort['protocol'] };
  });
}

/** Starts a certificate scan of the addresses typed and follows it to its end. */
function CertificateScanForm({ onFinished }: { onFinished: () => void }) {
  const { api } = useApp();
  const [include, setInclude] = useState('');
  const [ports, setPorts] = useState('');
  const [scan, setScan] = useState<CertificateScanView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!scan || scan.status !== 'running') return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => fetchCertificateScan(api, scan.id, controller.signal).then((next) => {
      setScan(next);
      if (next.status !== 'running') onFinished();
    }, (failure: unknown) => { if (!controller.signal.aborted) setError(failure); }), 1000);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [scan]);
  const targets = include.split(/[\s,]+/).filter(Boolean);
  const start = async () => {
    setError(null);
    try { setScan(await startCertificateScan(api, targets, parsePorts(ports))); } catch (failure) { setError(failure); }
  };
  return (
    <section class="card sweep-panel" aria-label="Scan for certificates">
      <form class="inline-form" onSubmit={(event) => { event.preventDefault(); void start(); }}>
        <label class="field field-wide">
          <span>Hosts to scan (HTTPS, mail, LDAP and STARTTLS ports)</span>
          <input value={include} required placeholder="10.0.0.0/24, intranet.example.org" onInput={(event) => setInclude(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Ports (the usual ones when empty)</span>
          <input value={ports} placeholder="443, 8443, 25/smtp, 389/ldap" onInput={(event) => setPorts(event.currentTarget.value)} />
        </label>
        <div class="form-buttons"><button type="submit" class="button button-primary" disabled={scan?.status === 'running' || targets.length === 0}>Scan</button></div>
      </form>
      {scan ? <p role="status">{scan.status === 'running' ? 'Scanning' : `Scan ${scan.status}`}: {scan.done} of {scan.total} ports, {scan.presented} certificates presented{scan.errors.length ? `, ${scan.errors.length} errors` : ''}.</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function CertificateRow({ c, canRegister, onRegistered }: { c: CertificateView; canRegister: boolean; onRegistered: () => void }) {
  const { api } = useApp();
  const [error, setError] = useState<unknown>(null);
  const problems = [...new Set(c.endpoints.flatMap((e) => e.problems))];
  const keep = async () => {
    try { await registerCertificate(api, c.id); onRegistered(); } catch (failure) { setError(failure); }
  };
  return (
    <tr data-certificate={c.id}>
      <td class="cell-primary">{c.commonName ?? c.subject}<div class="muted mono">{c.endpoints.map((e) => `${e.host}:${e.port}`).join(', ')}</div></td>
      <td class="optional">{c.issuer}</td>
      <td title={formatDateTime(c.notAfter)}>{endsLabel(c.notAfter)}</td>
      <td>{problems.length ? problems.map((p) => <span key={p} class="pill pill-warn">{PROBLEM_LABELS[p]}</span>) : <span class="pill pill-ok">Good</span>}</td>
      <td>
        {c.assetId ? <a href={routeHref({ name: 'asset', id: c.assetId })}>{c.assetTag}</a>
          : canRegister ? <button type="button" class="button button-quiet" onClick={() => void keep()}>Keep in register</button> : <span class="muted">Not registered</span>}
        {error ? <ErrorNotice error={error} /> : null}
      </td>
    </tr>
  );
}

/** Every certificate the network presents, soonest to end first, with what is wrong with each. */
export function CertificatesPanel() {
  const { api, me } = useApp();
  const [scanning, setScanning] = useState(false);
  const list = useLoader('certificates', useCallback((signal: AbortSignal) => fetchCertificates(api, {}, signal), [api]));
  const shown = list.data ?? list.previousData;
  return (
    <>
      {can(me.role, 'discovery:write') ? <div class="toolbar"><button type="button" class="button" aria-expanded={scanning} onClick={() => setScanning(!scanning)}>Scan for certificates</button></div> : null}
      {scanning ? <CertificateScanForm onFinished={list.reload} /> : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!shown && !list.error ? <LoadingRow text="Loading certificates…" /> : null}
      {shown && shown.items.length === 0 ? <EmptyState icon="network" title="No certificates found yet"><p>Scan hosts to find the TLS certificates they present.</p></EmptyState> : null}
      {shown && shown.items.length > 0 ? (
        <div class="card card-flush"><div class="table-wrap table-scroll">
          <table class="data-table" data-testid="certificates-table">
            <caption class="visually-hidden">TLS certificates</caption>
            <thead><tr><th scope="col">Certificate and where</th><th scope="col" class="optional">Issuer</th><th scope="col">Ends</th><th scope="col">Problems</th><th scope="col">Register</th></tr></thead>
            <tbody>{shown.items.map((c) => <CertificateRow key={c.id} c={c} canRegister={can(me.role, 'register:write')} onRegistered={list.reload} />)}</tbody>
          </table>
        </div></div>
      ) : null}
    </>
  );
}
