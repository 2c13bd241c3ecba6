import { describe, expect, it } from 'vitest';
import { pageRange } from '../../dashboard/src/components/page-range.js';

describe('pageRange', () => {
  it('counts an exact total: the last page is known and there is nothing after it', () => {
    expect(pageRange(1, 50, 1204, 'devices')).toEqual({ label: '1–50 of 1,204 devices', pageLabel: 'Page 1 of 25', lastPage: 25, hasNext: true });
    expect(pageRange(25, 50, 1204, 'devices')).toEqual({ label: '1,201–1,204 of 1,204 devices', pageLabel: 'Page 25 of 25', lastPage: 25, hasNext: false });
    expect(pageRange(1, 50, 0, 'assets')).toMatchObject({ label: 'No assets', pageLabel: 'Page 1 of 1', hasNext: false });
  });

  it('says "more than" a capped count and lets the user page on past it', () => {
    expect(pageRange(1, 100, 10_000, 'assets', true)).toEqual({ label: '1–100 of more than 10,000 assets', pageLabel: 'Page 1 of more than 100', lastPage: null, hasNext: true });
    const past = pageRange(101, 100, 10_000, 'assets', true);
    expect(past).toMatchObject({ label: '10,001–10,100 of more than 10,000 assets', pageLabel: 'Page 101 of more than 100', hasNext: true });
  });
});
