import { factsLine, formatNumber, SIGN_OFF_LINES, type ReportDocument } from './report-table.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function cellText(value: string | number | null): string {
  if (value === null) return '—';
  return typeof value === 'number' ? formatNumber(value, Number.isInteger(value) ? 0 : 2) : value;
}

/** The report as one printable HTML page, with no scripts and no outside resources. */
export function renderHtml(doc: ReportDocument): string {
  const figures = doc.figures.map(([k, v]) => `<div class="figure"><span>${escapeHtml(k)}</span><strong>${escapeHtml(v)}</strong></div>`).join('');
  const tables = doc.tables.map((t) => `
<h2>${escapeHtml(t.title)}</h2>
<table>
<thead><tr>${t.columns.map((c) => `<th class="${c.align ?? 'left'}">${escapeHtml(c.header)}</th>`).join('')}</tr></thead>
<tbody>
${t.rows.length === 0 ? `<tr><td colspan="${t.columns.length}" class="empty">None</td></tr>` : t.rows.map((r) => `<tr>${r.map((v, i) => `<td class="${t.columns[i]?.align ?? 'left'}">${escapeHtml(cellText(v))}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`).join('\n');
  const sections = (doc.sections ?? []).map((section) => `
<h2>${escapeHtml(section.title)}</h2>
<ul class="rules">${section.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`).join('\n');
  const signOff = doc.signOff?.length ? `
<h2>Sign-off</h2>
<div class="sign-off">${doc.signOff.map((role) => `<div class="signatory"><h3>${escapeHtml(role)}</h3>${SIGN_OFF_LINES.map((line) => `<p>${line}: <span class="line"></span></p>`).join('')}</div>`).join('')}</div>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(doc.title)}</title>
<style>
  body { font: 10pt/1.35 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111; margin: 2em; }
  h1 { font-size: 16pt; margin: 0 0 .2em; }
  h2 { font-size: 11pt; margin: 1.6em 0 .4em; }
  .subtitle { color: #555; margin-bottom: 1em; }
  .figures { display: flex; flex-wrap: wrap; gap: .6em 2em; margin: 1em 0; }
  .figure span { display: block; color: #555; font-size: 8.5pt; }
  .figure strong { font-size: 13pt; }
  table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
  th, td { border-bottom: 1px solid #ddd; padding: 3px 5px; vertical-align: top; }
  th { background: #f2f2f2; text-align: left; }
  .right { text-align: right; }
  .empty { color: #777; font-style: italic; }
  .note { color: #555; font-size: 8.5pt; margin-top: 2em; }
  .organisation { font-size: 12pt; font-weight: 600; margin-bottom: .2em; }
  .rules { font-size: 8.5pt; padding-left: 1.2em; }
  .sign-off { display: flex; gap: 3em; }
  .signatory h3 { font-size: 10pt; margin: .4em 0; }
  .signatory .line { display: inline-block; width: 16em; border-bottom: 1px solid #333; }
  @media print { body { margin: 0; } thead { display: table-header-group; } tr { page-break-inside: avoid; } }
  @page { size: A4 landscape; margin: 12mm; }
</style>
</head>
<body>
${doc.organisation ? `<div class="organisation">${escapeHtml(doc.organisation)}</div>` : ''}
<h1>${escapeHtml(doc.title)}</h1>
<div class="subtitle">${escapeHtml(factsLine(doc))}</div>
<div class="figures">${figures}</div>
${tables}
${sections}
${signOff}
${doc.note ? `<p class="note">${escapeHtml(doc.note)}</p>` : ''}
</body>
</html>
`;
}
