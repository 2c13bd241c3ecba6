import type { CertificateProblem, CertificateView } from '@steward/shared';
import { certificateView } from '../../certificates/certificate-view.js';
import { domainView } from '../../domains/domain-view.js';
import { presentedCertificates } from '../../store/certificates/certificates.js';
import { listDomains } from '../../store/domains/domains.js';
import type { Queryable } from '../../store/database.js';
import type { AlertCandidate, RuleSource } from './candidate.js';

const DAY_MS = 86_400_000;

function placesOf(c: CertificateView, problem?: CertificateProblem): string[] {
  return c.endpoints.filter((e) => !problem || e.problems.includes(problem)).map((e) => `${e.host}:${e.port}`);
}

function certificateCandidate(c: CertificateView, cause: string, summary: string, details: Record<string, unknown>): AlertCandidate {
  return {
    subjectType: 'certificate', subjectId: c.id,
    // The fingerprint is in the key: a replaced certificate is a new matter.
    subjectKey: `certificate:${c.fingerprintSha256}:${cause}`,
    summary,
    details: { certificateId: c.id, subject: c.subject, issuer: c.issuer, notAfter: c.notAfter, assetTag: c.assetTag, ...details },
  };
}

async function presentedViews(db: Queryable, now: Date): Promise<CertificateView[]> {
  return (await presentedCertificates(db)).map((r) => certificateView(r, now));
}

function nameOf(c: CertificateView): string {
  return c.subjectAltNames.find((n) => n.startsWith('DNS:'))?.slice(4) ?? c.subject;
}

export const certificateExpiring: RuleSource<'certificate_expiring'> = {
  tables: ['tls_certificates'],
  async find(db, params, now) {
    const until = now.getTime() + params.days * DAY_MS;
    return (await presentedViews(db, now)).filter((c) => Date.parse(c.notAfter) <= until).map((c) => {
      const daysLeft = Math.floor((Date.parse(c.notAfter) - now.getTime()) / DAY_MS);
      const when = daysLeft < 0 ? `ended ${-daysLeft} days ago` : daysLeft === 0 ? 'ends today' : `ends in ${daysLeft} days`;
      return certificateCandidate(c, `ends:${c.notAfter}`, `certificate ${nameOf(c)} on ${placesOf(c).join(', ')} ${when} (${c.notAfter.slice(0, 10)})`, { daysLeft, places: placesOf(c) });
    });
  },
};

function describeWeakness(c: CertificateView): string {
  const has = (p: CertificateProblem) => c.endpoints.some((e) => e.problems.includes(p));
  const parts = [
    ...(has('weak-key') ? [`a ${c.keyBits ?? '?'}-bit ${c.keyType.toUpperCase()} key`] : []),
    ...(has('weak-signature') ? [`a ${c.signatureAlgorithm} signature`] : []),
  ];
  return `certificate ${nameOf(c)} has ${parts.join(' and ')}`;
}

/** The problems each of the three certificate rules watches, and how each says it. */
const PROBLEM_RULES = {
  certificate_weak: { problems: ['weak-key', 'weak-signature'], say: describeWeakness },
  certificate_untrusted: { problems: ['self-signed', 'untrusted'], say: (c: CertificateView) => `certificate ${nameOf(c)} is ${c.selfSigned ? 'self-signed' : `issued by ${c.issuer}, which is not trusted`}` },
  certificate_name_mismatch: { problems: ['name-mismatch'], say: (c: CertificateView) => `certificate ${nameOf(c)} is presented for another name` },
} as const satisfies Record<string, { problems: CertificateProblem[]; say: (c: CertificateView) => string }>;

function problemRule<K extends keyof typeof PROBLEM_RULES>(kind: K): RuleSource<K> {
  const { problems, say } = PROBLEM_RULES[kind];
  return {
    tables: ['tls_certificates'],
    async find(db, _params, now) {
      const found: AlertCandidate[] = [];
      for (const c of await presentedViews(db, now)) {
        const places = [...new Set(problems.flatMap((p) => placesOf(c, p)))];
        if (places.length) found.push(certificateCandidate(c, kind, `${say(c)} on ${places.join(', ')}`, { places, problems }));
      }
      return found;
    },
  };
}

export const certificateWeak = problemRule('certificate_weak');
export const certificateUntrusted = problemRule('certificate_untrusted');
export const certificateNameMismatch = problemRule('certificate_name_mismatch');

export const domainExpiring: RuleSource<'domain_expiring'> = {
  tables: ['domains'],
  async find(db, params, now) {
    const found: AlertCandidate[] = [];
    for (const d of (await listDomains(db)).map((row) => domainView(row, now))) {
      if (d.daysLeft === null || d.daysLeft > params.days) continue;
      const when = d.daysLeft < 0 ? `lapsed ${-d.daysLeft} days ago` : d.daysLeft === 0 ? 'ends today' : `ends in ${d.daysLeft} days`;
      found.push({
        subjectType: 'domain', subjectId: null,
        subjectKey: `domain:${d.name}:${d.expiresOn}`,
        summary: `domain ${d.name} ${when} (${d.expiresOn!.slice(0, 10)})${d.registrar ? `, registrar ${d.registrar}` : ''}${d.lastError ? `; the last look-up failed: ${d.lastError}` : ''}`,
        details: { domain: d.name, expiresOn: d.expiresOn, daysLeft: d.daysLeft, registrar: d.registrar, assetTag: d.assetTag },
      });
    }
    return found;
  },
};
