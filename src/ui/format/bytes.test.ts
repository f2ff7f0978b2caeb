import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('formatBytes', () => {
  it('uses binary units as XenCenter does', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(4 * 1024 ** 3)).toBe('4 GB');
    expect(formatBytes(128 * 1024 ** 3)).toBe('128 GB');
    expect(formatBytes(1.8 * 1024 ** 4)).toBe('1.8 TB');
  });
});
