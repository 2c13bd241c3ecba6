import { useCallback, useRef, useState } from 'preact/hooks';
import type { AuditResult } from '@steward/shared';
import { closeAuditRound, fetchAuditResult, fetchAuditRounds, startAuditRound } from '../../api/register.js';
import { scanAuditTagAt } from '../../api/register-field-work.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';
import { CameraScan } from './camera-scan.js';
import { ActionError, HelpLink, RegisterNav } from './register-nav.js';
import { tagsOfList } from './tag-list.js';
import { useReferences } from './use-lookups.js';
import { PositionConsent, positionIf, usePositionConsent } from './use-position.js';

/**
 * An audit round at the shelf: choose the place, then type or scan each tag. A barcode scanner or
 * RFID reader that types as a keyboard ends each code with Enter, which records the scan; the
 * phone's camera fills the same field, and a reader's exported list of tags is fed in one go.
 */
export function AuditRoundView() {
  const { api, me } = useApp();
  const rounds = useLoader('audit-rounds', useCallback((signal: AbortSignal) => fetchAuditRounds(api, signal), [api]));
  const locations = useReferences('locations');
  const [locationId, setLocationId] = useState('');
  const [roundId, setRoundId] = useState<string | null>(null);
  const start = useSubmit();
  const mayWrite = can(me.role, 'register:write');
  return (
    <>
      <PageHeader title="Audit round" subtitle="Check what is on the shelf against the register, by scanning or typing each tag." actions={<HelpLink topic="audit" />} />
      <RegisterNav current="/register/audit" />
      {roundId ? <RoundInProgress key={roundId} roundId={roundId} mayWrite={mayWrite} onClosed={() => { setRoundId(null); rounds.reload(); }} /> : (
        <>
          {mayWrite ? (
            <form class="card inline-form" aria-label="Start an audit round" onSubmit={(e) => {
              e.preventDefault();
              void start.run(async () => setRoundId((await startAuditRound(api, locationId)).id));
            }}>
              <label class="field"><span>Location to audit</span>
                <select value={locationId} required onChange={(e) => setLocationId(e.currentTarget.value)}>
                  <option value="">{locations.data?.items.length === 0 ? 'No locations in the register' : 'Choose…'}</option>
                  {(locations.data?.items ?? []).map((l) => <option key={l.id} value={l.id}>{l.path}</option>)}
                </select>
              </label>
              <div class="form-buttons"><button type="submit" class="button button-primary" disabled={start.busy}>Start the round</button></div>
              <ActionError error={start.error} />
            </form>
          ) : <p class="muted">Your role may look at audit rounds; someone who edits the register runs them.</p>}
          {rounds.error ? <ErrorNotice error={rounds.error} onRetry={rounds.reload} /> : null}
          {rounds.data && rounds.data.items.length === 0 ? <p class="muted" data-testid="no-rounds">No audit round has been run yet.</p> : null}
          {rounds.data?.items.length ? (
            <section class="card" aria-label="Recent rounds">
              <h2 class="card-title">Recent rounds</h2>
              <ul class="plain-list">
                {rounds.data.items.map((r) => (
                  <li key={r.id}>{r.locationName} · {formatDateTime(r.startedAt)} · {r.scans} scans · {r.closedAt ? 'closed' : 'open'}
                    {!r.closedAt && mayWrite ? <> <button type="button" class="button button-quiet" onClick={() => setRoundId(r.id)}>Continue</button></> : null}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

function RoundInProgress({ roundId, mayWrite, onClosed }: { roundId: string; mayWrite: boolean; onClosed: () => void }) {
  const { api } = useApp();
  const result = useLoader(`audit:${roundId}`, useCallback((signal: AbortSignal) => fetchAuditResult(api, roundId, signal), [api, roundId]));
  const [code, setCode] = useState('');
  const [last, setLast] = useState<string | null>(null);
  const [relocate, setRelocate] = useState(false);
  const [consent, setConsent] = usePositionConsent();
  const [fed, setFed] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const scan = useSubmit();
  const close = useSubmit();
  const record = (tag: string) => scan.run(async () => {
    await scanAuditTagAt(api, roundId, tag, await positionIf(consent));
    setLast(tag);
    setCode('');
    result.reload();
    input.current?.focus();
  });
  /** A reader's exported list: every tag is recorded as if scanned one after the other. */
  const feedList = (file: File) => scan.run(async () => {
    const tags = tagsOfList(await file.text());
    if (tags.length === 0) throw new Error(`${file.name} holds no tags: one tag per line, or a column headed “tag” or “EPC”.`);
    const position = await positionIf(consent);
    for (const [index, tag] of tags.entries()) {
      setFed(`Recording ${index + 1} of ${tags.length} tags from ${file.name}…`);
      await scanAuditTagAt(api, roundId, tag, position);
    }
    setFed(`Recorded ${tags.length} tags from ${file.name}.`);
    setLast(tags.at(-1)!);
    result.reload();
  });
  const data = result.data;
  return (
    <>
      <form class="card inline-form audit-scan" aria-label="Scan a tag" onSubmit={(e) => { e.preventDefault(); if (code.trim()) void record(code.trim()); }}>
        <h2 class="card-title form-title">{data ? `Auditing ${data.round.locationName}` : 'Auditing…'}</h2>
        <label class="field field-wide"><span>Scanned or typed tag</span>
          <input ref={input} value={code} autoFocus autoComplete="off" autoCapitalize="characters" inputMode="text" maxLength={64} disabled={!mayWrite}
            onInput={(e) => setCode(e.currentTarget.value)} /></label>
        <div class="form-buttons">
          <button type="submit" class="button button-primary" disabled={scan.busy || !mayWrite}>Record</button>
          {/* The camera's code lands in the field and is recorded like a keyboard scanner's Enter. */}
          <CameraScan disabled={!mayWrite} onCode={(tag) => { setCode(tag); void record(tag); }} />
        </div>
        <label class="field field-wide"><span>RFID reader's tag list (text or CSV file)</span>
          <input type="file" accept=".txt,.csv,text/plain,text/csv" disabled={!mayWrite || scan.busy} data-testid="tag-list"
            onChange={(e) => { const file = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (file) void feedList(file); }} /></label>
        <PositionConsent consent={consent} onChange={setConsent} />
        {last ? <p role="status" class="form-status" data-testid="last-scan">Recorded {last}</p> : null}
        {fed ? <p role="status" class="form-status" data-testid="list-status">{fed}</p> : null}
        <ActionError error={scan.error} />
      </form>
      {result.error ? <ErrorNotice error={result.error} onRetry={result.reload} /> : null}
      {!data && !result.error ? <LoadingRow text="Loading the round…" /> : null}
      {data ? <RoundResult result={data} /> : null}
      {mayWrite ? (
        <form class="card inline-form" aria-label="Close the round" onSubmit={(e) => { e.preventDefault(); void close.run(() => closeAuditRound(api, roundId, relocate), onClosed); }}>
          <label class="check-field"><input type="checkbox" checked={relocate} onChange={(e) => setRelocate(e.currentTarget.checked)} /> Move assets found here to this location</label>
          <div class="form-buttons"><button type="submit" class="button">Close the round</button></div>
          <ActionError error={close.error} />
        </form>
      ) : null}
    </>
  );
}

function RoundResult({ result }: { result: AuditResult }) {
  const groups: [string, string, string[]][] = [
    ['Still to find', 'audit-missing', result.expectedNotFound.map((a) => `${a.tag} ${a.name}`)],
    ['Found here, recorded elsewhere', 'audit-wrong-place', result.foundWrongPlace.map((a) => `${a.tag} ${a.name} (recorded at ${a.recordedLocation ?? 'no location'})`)],
    ['Found, not expected', 'audit-unexpected', result.foundNotExpected.map((a) => `${a.tag} ${a.name}`)],
    ['Unknown tags', 'audit-unknown', result.unknownTags],
  ];
  return (
    <div class="card-grid" data-testid="audit-result">
      <p class="card" data-testid="audit-scans"><strong>{result.round.scans}</strong> scans in this round.</p>
      {groups.map(([title, testId, rows]) => (
        <section class="card" aria-label={title} key={testId} data-testid={testId}>
          <h2 class="card-title">{title} ({rows.length})</h2>
          {rows.length ? <ul class="plain-list">{rows.map((row) => <li key={row}>{row}</li>)}</ul> : <p class="muted">None.</p>}
        </section>
      ))}
    </div>
  );
}
