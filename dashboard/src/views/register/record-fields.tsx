import type { JSX } from 'preact';

export interface Choice { value: string; label: string }

/** One control of a register form; every value is held as the text the control shows. */
export interface FieldSpec {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'date' | 'select' | 'textarea' | 'checkbox' | 'email';
  choices?: Choice[];
  /** The first, empty choice of a select ("None", "Choose…"). */
  empty?: string;
  required?: boolean;
  hint?: string;
  wide?: boolean;
  max?: number;
  step?: string;
}

export type FieldValues = Record<string, string>;

function control(spec: FieldSpec, value: string, set: (value: string) => void, id: string): JSX.Element {
  const onInput = (event: { currentTarget: { value: string } }) => set(event.currentTarget.value);
  switch (spec.kind) {
    case 'select':
      return (
        <select id={id} value={value} required={spec.required} onChange={onInput}>
          <option value="">{spec.empty ?? 'None'}</option>
          {(spec.choices ?? []).map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
        </select>
      );
    case 'textarea':
      return <textarea id={id} value={value} rows={3} maxLength={spec.max ?? 8000} required={spec.required} onInput={onInput} />;
    case 'checkbox':
      return <input id={id} type="checkbox" checked={value === 'true'} onChange={(event) => set(event.currentTarget.checked ? 'true' : 'false')} />;
    default:
      return <input id={id} type={spec.kind} value={value} required={spec.required} maxLength={spec.kind === 'text' || spec.kind === 'email' ? spec.max ?? 256 : undefined}
        step={spec.step} min={spec.kind === 'number' ? 0 : undefined} onInput={onInput} />;
  }
}

/** The labelled controls of a form, laid out as the inline forms of the other screens. */
export function RecordFields({ specs, values, onChange, idPrefix }: {
  specs: FieldSpec[]; values: FieldValues; onChange: (key: string, value: string) => void; idPrefix: string;
}) {
  return (
    <>
      {specs.map((spec) => {
        const id = `${idPrefix}-${spec.key}`;
        return (
          <div key={spec.key} class={`field${spec.wide || spec.kind === 'textarea' ? ' field-wide' : ''}${spec.kind === 'checkbox' ? ' field-check' : ''}`}>
            <label for={id}>{spec.label}</label>
            {control(spec, values[spec.key] ?? '', (value) => onChange(spec.key, value), id)}
            {spec.hint ? <small class="field-hint">{spec.hint}</small> : null}
          </div>
        );
      })}
    </>
  );
}

/** The form's text turned into the API's values: empty means null, numbers and booleans typed. */
export function bodyOf(specs: FieldSpec[], values: FieldValues, leaveOutEmpty = false): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of specs) {
    const raw = (values[spec.key] ?? '').trim();
    if (spec.kind === 'checkbox') body[spec.key] = raw === 'true';
    else if (raw === '') { if (!leaveOutEmpty) body[spec.key] = null; }
    else body[spec.key] = spec.kind === 'number' ? Number(raw) : raw;
  }
  return body;
}

/** A stored record's fields as the text its form shows. */
export function valuesOf(specs: FieldSpec[], record: Record<string, unknown> | undefined): FieldValues {
  const values: FieldValues = {};
  for (const spec of specs) {
    const value = record?.[spec.key];
    values[spec.key] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

export function choicesOf(items: readonly { id: string; name: string; path?: string }[] | undefined): Choice[] {
  return (items ?? []).map((item) => ({ value: item.id, label: item.path ?? item.name }));
}
