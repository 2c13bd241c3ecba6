import { describe, expect, it } from 'vitest';
import { applyMergePatch, canonicalJson, createMergePatch, inventoryDelta } from '@steward/shared';

/** The examples of RFC 7396, appendix A: original, patch, result. */
const RFC_7396_EXAMPLES: Array<[unknown, unknown, unknown]> = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [['a', 'b'], ['c', 'd'], ['c', 'd']],
  [{ a: 'b' }, ['c'], ['c']],
  [{ a: 'foo' }, null, null],
  [{ a: 'foo' }, 'bar', 'bar'],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

describe('merge patches (RFC 7396)', () => {
  it.each(RFC_7396_EXAMPLES)('applies %j + %j', (original, patch, result) => {
    expect(applyMergePatch(original, patch)).toEqual(result);
  });

  it('leaves the target unchanged', () => {
    const target = { a: { b: 1 }, c: [1] };
    applyMergePatch(target, { a: { b: 2 }, c: null });
    expect(target).toEqual({ a: { b: 1 }, c: [1] });
  });

  const pairs: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ['a changed number', { cpu: { cores: 4, threads: 8 } }, { cpu: { cores: 8, threads: 8 } }],
    ['a removed field', { domain: 'corp', name: 'Debian' }, { name: 'Debian' }],
    ['an undefined member, which counts as absent', { domain: 'corp', name: 'Debian' }, { domain: undefined, name: 'Debian' }],
    ['an array grown by one', { disks: [{ name: 'sda' }] }, { disks: [{ name: 'sda' }, { name: 'sdb' }] }],
    ['a nested object emptied', { users: { loggedOn: ['ann'] } }, { users: {} }],
    ['an object that appears', { name: 'x' }, { name: 'x', security: { firewall: { enabled: true } } }],
  ];
  it.each(pairs)('creates the patch for %s, which leads from one to the other', (_name, before, after) => {
    const patch = createMergePatch(before, after);
    expect(patch).toBeDefined();
    expect(canonicalJson(applyMergePatch(before, patch))).toBe(canonicalJson(after));
  });

  it('creates no patch between equal objects whatever their key order', () => {
    expect(createMergePatch({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 })).toBeUndefined();
  });

  it('patches only what changed, deep down', () => {
    expect(createMergePatch(
      { cpu: { brand: 'EPYC', cores: 2 }, memory: { totalBytes: 8 } },
      { cpu: { brand: 'EPYC', cores: 4 }, memory: { totalBytes: 8 } },
    )).toEqual({ cpu: { cores: 4 } });
  });
});

describe('canonical JSON', () => {
  it('reads the same whatever the key order, and leaves undefined members out', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"x":2,"y":1}]},"b":1}');
  });
});

describe('delta report schema', () => {
  const base = {
    protocol: 1, kind: 'delta', reportId: crypto.randomUUID(), agentId: crypto.randomUUID(), agentVersion: '0.1.0',
    collectedAt: new Date().toISOString(), baseHash: 'a'.repeat(64), hash: 'b'.repeat(64),
  };

  it('refuses a patch nested deeper than a report section can be', () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 40; i++) deep = { nested: deep };
    const parsed = inventoryDelta.safeParse({ ...base, hardware: deep });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/hardware.*nest deeper/);
  });

  it('refuses a hash that is not a SHA-256', () => {
    expect(inventoryDelta.safeParse({ ...base, baseHash: 'not-a-hash' }).success).toBe(false);
  });
});
