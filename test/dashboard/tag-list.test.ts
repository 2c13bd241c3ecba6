import { describe, expect, it } from 'vitest';
import { tagsOfList } from '../../dashboard/src/views/register/tag-list.js';

/** An RFID reader's exported list of read tags, as the audit round reads it. */
describe('a reader\'s tag list', () => {
  it('reads one tag per line, dropping blanks and repeats in order', () => {
    expect(tagsOfList('\uFEFFIT-0001\r\n\r\nIT-0002\nIT-0001\n  IT-0003  \n')).toEqual(['IT-0001', 'IT-0002', 'IT-0003']);
  });

  it('takes the column headed tag, asset tag or EPC of a CSV file', () => {
    expect(tagsOfList('Timestamp,EPC,RSSI\n2026-12-07,E200-0001,-41\n2026-12-07,E200-0002,-50\n')).toEqual(['E200-0001', 'E200-0002']);
    expect(tagsOfList('"Antenna";"Asset Tag"\n1;"IT-0009"\n')).toEqual(['IT-0009']);
    expect(tagsOfList('reader\ttag\nA\tT-1\n')).toEqual(['T-1']);
  });

  it('takes the first column when no header names the tags, and nothing from an empty file', () => {
    expect(tagsOfList('IT-0001,-41\nIT-0002,-40\n')).toEqual(['IT-0001', 'IT-0002']);
    expect(tagsOfList('\n \n')).toEqual([]);
    expect(tagsOfList(`${'X'.repeat(65)}\nOK-1`)).toEqual(['OK-1']);
  });
});
