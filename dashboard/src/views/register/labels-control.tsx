import { useState } from 'preact/hooks';
import { labelLayout, type LabelLayout } from '@steward/shared';
import { downloadLabels } from '../../api/register.js';
import { saveFile } from '../../api/save-file.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';
import { useSubmit } from '../../hooks/use-submit.js';

const LAYOUT_LABELS: Record<LabelLayout, string> = {
  'avery-l7163': 'A4 sheet, 14 labels (Avery L7163)',
  'dymo-99012': 'Dymo roll 89 × 36 mm',
  '2x1in': 'Thermal roll 2 × 1 in',
};

/** Prints asset labels (tag, name, serial, barcode) on the stock chosen, as a PDF to print. */
export function LabelsControl({ assetIds, action }: { assetIds: string[]; action: string }) {
  const { api } = useApp();
  const [layout, setLayout] = useState<LabelLayout>('avery-l7163');
  const { busy, error, run } = useSubmit();
  return (
    <div class="labels-control" data-testid="labels-control">
      <label class="select-field">
        <span>Label stock</span>
        <select value={layout} onChange={(e) => setLayout(e.currentTarget.value as LabelLayout)}>
          {labelLayout.options.map((l) => <option key={l} value={l}>{LAYOUT_LABELS[l]}</option>)}
        </select>
      </label>
      <button type="button" class="button" disabled={busy || assetIds.length === 0} onClick={() => void run(async () => saveFile(await downloadLabels(api, assetIds, layout)))}>
        {busy ? 'Preparing…' : action}
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
