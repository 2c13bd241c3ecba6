/** Header names an RFID reader's or a spreadsheet's export may give the tag column. */
const TAG_HEADERS = /^(asset[ _-]?)?tag( ?(id|number|no))?$|^epc$|^tid$|^barcode$|^code$/i;

function cellsOf(line: string): string[] {
  return line.split(/[,;\t]/).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1').trim());
}

/**
 * The tags of a reader's exported list: one per line, or a column of a CSV file, found by its header
 * (tag, asset tag, EPC…) or else the first column. Blank lines and repeats are dropped, order kept.
 */
export function tagsOfList(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return [];
  const header = cellsOf(lines[0]!);
  const column = header.findIndex((cell) => TAG_HEADERS.test(cell));
  const rows = column >= 0 ? lines.slice(1) : lines;
  const at = Math.max(column, 0);
  const tags = rows.map((line) => cellsOf(line)[at] ?? '').filter((tag) => tag.length > 0 && tag.length <= 64);
  return [...new Set(tags)];
}
