import { describe, expect, it } from 'vitest';
import { axisScale, binaryTicks } from './axis-scale';

const GiB = 2 ** 30;
const MiB = 2 ** 20;

describe('axisScale', () => {
  it('puts byte ticks on round binary steps past the largest value', () => {
    expect(binaryTicks(2 * GiB)).toEqual([0, 0.5, 1, 1.5, 2].map((g) => g * GiB));
    expect(binaryTicks(12.3 * GiB)).toEqual([0, 2.5, 5, 7.5, 10, 12.5].map((g) => g * GiB));
    expect(binaryTicks(700 * MiB)).toEqual([0, 200, 400, 600, 800].map((m) => m * MiB));
    // nothing moved: still a readable axis
    expect(binaryTicks(0)).toEqual([0, 256, 512, 768, 1024]);
  });

  it('shows fractions from 0 to 100 %, further only when a value goes past', () => {
    expect(axisScale('percent', 0.4)).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(axisScale('percent', 2.2).domain).toEqual([0, 3]);
    expect(axisScale('number', 7)).toEqual({ domain: [0, 'auto'], ticks: undefined });
  });
});
