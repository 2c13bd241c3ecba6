import { describe, expect, it } from 'vitest';
import { decodeText, repairDeep, repairText } from '../../agent/src/collectors/text-repair.js';
import { softwareEntry } from '../../agent/src/collectors/software-entry.js';
import { normaliseDate, dateFromEpochSeconds, dateFromUsShort } from '../../agent/src/collectors/install-date.js';

describe('repairText', () => {
  it('turns control characters into spaces and lone surrogates into U+FFFD', () => {
    expect(repairText('a\u0000b\tc\u0085d\u007f')).toBe('a b c d ');
    expect(repairText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    expect(repairText('\uD83D\uDE00 ok')).toBe('\uD83D\uDE00 ok');
  });

  it('repairs every string of nested objects and arrays', () => {
    expect(repairDeep({ a: ['x\u0001'], b: { c: 'y\uDFFF', n: 3, t: true } })).toEqual({ a: ['x '], b: { c: 'y\uFFFD', n: 3, t: true } });
  });
});

describe('decodeText', () => {
  it('decodes UTF-16LE with its mark, Cyrillic included, and strips a doubled mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\uFEFFКриптоПро\r\n', 'utf16le')]);
    expect(decodeText(bytes)).toBe('КриптоПро\r\n');
  });

  it('decodes UTF-16LE without a mark, UTF-16BE with one, and UTF-8 with invalid bytes', () => {
    expect(decodeText(Buffer.from('Name=Intel(R) Core\r\n', 'utf16le'))).toBe('Name=Intel(R) Core\r\n');
    expect(decodeText(Buffer.from([0xfe, 0xff, 0x04, 0x1a, 0x00, 0x41]))).toBe('КA');
    expect(decodeText(Buffer.from([0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9]))).toBe('Soci\uFFFDt\uFFFD');
  });
});

describe('softwareEntry', () => {
  it('keeps an entry whose text is broken, repaired, and drops one without a name', () => {
    expect(softwareEntry({ name: ' Tool\u0000X ', version: '', publisher: 'Ac\uD800me', source: 'other' }))
      .toEqual({ name: 'Tool X', publisher: 'Ac\uFFFDme', source: 'other' });
    expect(softwareEntry({ name: ' \u0001 ', source: 'other' })).toBeUndefined();
  });

  it('cuts text to what the wire schema allows', () => {
    expect(softwareEntry({ name: 'n'.repeat(600), version: 'v'.repeat(300), source: 'other' }))
      .toEqual({ name: 'n'.repeat(512), version: 'v'.repeat(256), source: 'other' });
  });
});

describe('install dates', () => {
  it('normalises the forms installers write and keeps the others as stated', () => {
    expect(normaliseDate('20210724')).toBe('2021-07-24');
    expect(normaliseDate('20130813153755.000000+120')).toBe('2013-08-13');
    expect(normaliseDate('2019/3/7')).toBe('2019-03-07');
    expect(normaliseDate('20211345')).toBe('20211345');
    expect(normaliseDate('15.01.2011')).toBe('15.01.2011');
    expect(dateFromEpochSeconds('1311080703')).toBe('2011-07-19');
    expect(dateFromUsShort('1/15/2011')).toBe('2011-01-15');
  });
});
