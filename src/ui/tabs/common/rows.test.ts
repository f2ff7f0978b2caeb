import { describe, expect, it } from 'vitest';
import { sameRows } from './rows';

describe('sameRows', () => {
  it('compares rows cell by cell', () => {
    expect(sameRows([{ a: 1, b: 'x' }], [{ a: 1, b: 'x' }])).toBe(true);
    expect(sameRows([{ a: 1, b: 'x' }], [{ a: 1, b: 'y' }])).toBe(false);
    expect(sameRows([{ a: 1 }], [{ a: 1 }, { a: 2 }])).toBe(false);
    expect(sameRows([{ a: 1 }], [{ a: 1, b: undefined }])).toBe(false);
  });
});
