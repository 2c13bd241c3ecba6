import { useState } from 'preact/hooks';
import { importField, type ImportField, type ImportPreview } from '@steward/shared';
import { commitImport, previewImport } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { ActionError } from './register-nav.js';
import { STATUS_LABELS } from './status-labels.js';

const SHOWN_ERRORS = 200;

const FIELD_LABELS: Record<ImportField, string> = {
  tag: 'Asset tag', name: 'Name', serial: 'Serial number', category: 'Category', model: 'Model', modelNumber: 'Model number',
  manufacturer: 'Manufacturer', status: 'Status', location: 'Location', defaultLocation: 'Default location', department: 'Department',
  supplier: 'Vendor', purchaseDate: 'Purchase date', purchaseCost: 'Purchase cost', currency: 'Currency', orderNumber: 'Order number',
  invoiceNumber: 'Invoice number', warrantyMonths: 'Warranty (months)', warrantyExpires: 'Warranty until', expiresOn: 'Lapses on',
  eolDate: 'End of life', notes: 'Notes', assigneeName: 'Checked out to (name)', assigneeEmail: 'Checked out to (e-mail)',
  assigneeUsername: 'Checked out to (username)', assigneeEmployeeNumber: 'Checked out to (employee number)',
};
const SAMPLE_COLUMNS: readonly [string, string][] = [
  ['row', 'Row'], ['tag', 'Tag'], ['name', 'Name'], ['status', 'Status'], ['serial', 'Serial'], ['model', 'Model'],
  ['location', 'Location'], ['assignee', 'Checked out to'], ['purchaseDate', 'Purchased'], ['purchaseCost', 'Cost'],
];

interface Loaded { csv: string; fileName: string }

function sampleCell(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'status') return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? String(value);
  return String(value);
}

/** Every header of the file with the field it fills ("" when ignored), as the preview read them. */
function mappingOf(preview: ImportPreview): Record<string, ImportField | ''> {
  const mapping: Record<string, ImportField | ''> = {};
  for (const [header, field] of Object.entries(preview.columns)) mapping[header] = field as ImportField;
  for (const header of preview.ignoredColumns) mapping[header] = '';
  return mapping;
}

/** Upload, map the file's columns to fields, look at the rows as they will be stored and at each error, then commit. */
export function ImportPanel({ onImported, onClose }: { onImported: () => void; onClose: () => void }) {
  const { api } = useApp();
  const [file, setFile] = useState<Loaded | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const attempt = async (call: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const upload = (chosen: File) => attempt(async () => {
    setResult(null);
    const loaded = { csv: await chosen.text(), fileName: chosen.name };
    setFile(loaded);
    setPreview(await previewImport(api, loaded.csv, loaded.fileName));
  });
  const remap = (current: ImportPreview, header: string, field: ImportField | '') => attempt(async () => {
    if (!file) return;
    setPreview(await previewImport(api, file.csv, file.fileName, { ...mappingOf(current), [header]: field }));
  });
  const commit = (current: ImportPreview) => attempt(async () => {
    const answer = await commitImport(api, current.importId, current.errorRows > 0);
    setPreview(null);
    setFile(null);
    setResult(`Imported ${answer.imported} asset${answer.imported === 1 ? '' : 's'}${answer.skipped ? `, skipped ${answer.skipped} in error` : ''}.`);
    onImported();
  });

  return (
    <section class="card import-panel" aria-label="Import assets from CSV" data-testid="import-panel">
      <div class="inline-form">
        <label class="field">
          <span>CSV file</span>
          <input type="file" accept=".csv,text/csv" disabled={busy} onChange={(event) => {
            const chosen = event.currentTarget.files?.[0];
            if (chosen) void upload(chosen);
          }} />
        </label>
        <button type="button" class="button button-quiet" onClick={onClose}>Close</button>
      </div>
      <p class="muted">Columns named as in Steward's, Snipe-IT's or GLPI's exports are recognised; choose the field of any other column below.</p>
      {result ? <p role="status" data-testid="import-result">{result}</p> : null}
      <ActionError error={error} />
      {preview ? (
        <div data-testid="import-preview">
          <p><strong>{preview.totalRows}</strong> rows: <strong>{preview.validRows}</strong> ready, <strong>{preview.errorRows}</strong> in error.</p>
          <table class="data-table nested-table" data-testid="import-columns">
            <caption>Columns of the file</caption>
            <thead><tr><th scope="col">Column</th><th scope="col">Fills the field</th></tr></thead>
            <tbody>
              {Object.entries(mappingOf(preview)).map(([header, field]) => (
                <tr key={header} data-column={header}>
                  <td class="mono">{header}</td>
                  <td>
                    <select aria-label={`Field for the column ${header}`} value={field} disabled={busy} onChange={(e) => void remap(preview, header, e.currentTarget.value as ImportField | '')}>
                      <option value="">Ignore this column</option>
                      {importField.options.map((f) => <option key={f} value={f}>{FIELD_LABELS[f]}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.sample.length ? (
            <div class="table-wrap table-scroll">
              <table class="data-table nested-table" data-testid="import-sample">
                <caption>First rows as they will be stored</caption>
                <thead><tr>{SAMPLE_COLUMNS.map(([, label]) => <th key={label} scope="col">{label}</th>)}</tr></thead>
                <tbody>
                  {preview.sample.slice(0, 10).map((row, index) => (
                    <tr key={index}>{SAMPLE_COLUMNS.map(([key]) => <td key={key}>{sampleCell(key, row[key])}</td>)}</tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {preview.errors.length ? (
            <table class="data-table nested-table" data-testid="import-errors">
              <caption>Rows in error</caption>
              <thead><tr><th scope="col" class="numeric">Row</th><th scope="col">Field</th><th scope="col">Problem</th></tr></thead>
              <tbody>
                {preview.errors.slice(0, SHOWN_ERRORS).map((entry) => (
                  <tr key={`${entry.row}:${entry.field}`}><td class="numeric">{entry.row}</td><td class="mono">{entry.field}</td><td>{entry.message}</td></tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div class="form-buttons import-buttons">
            <button type="button" class="button button-primary" disabled={busy || preview.validRows === 0} onClick={() => void commit(preview)}>
              {preview.errorRows > 0 ? `Import the ${preview.validRows} valid rows` : `Import ${preview.validRows} rows`}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
