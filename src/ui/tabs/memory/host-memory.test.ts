import { describe, expect, it } from 'vitest';
import { hostMemory } from './host-memory';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

describe('hostMemory', () => {
  const domains = [
    { ref: 'd0', name: 'Control domain on host: h', control: true, actual: 7 * GiB, overhead: 100 * MiB, dynamicMax: 7 * GiB },
    { ref: 'v10', name: 'vm-10', control: false, actual: 4 * GiB, overhead: 40 * MiB, dynamicMax: 4 * GiB },
    { ref: 'v2', name: 'vm-2', control: false, actual: 2 * GiB, overhead: 20 * MiB, dynamicMax: 3 * GiB },
  ];
  const total = 128 * GiB;
  const hostOverhead = 2 * GiB;
  const used = hostOverhead + 160 * MiB + 13 * GiB;

  it('splits the total into Xen, the control domain, each VM and free, adding up to the total', () => {
    const m = hostMemory({ name: 'h', total, free: total - used, hostOverhead, domains });
    expect(m.segments.map((s) => s.label)).toEqual(['Xen', 'Control domain', 'vm-2', 'vm-10', 'Free']);
    expect(m.segments[0]?.bytes).toBe(hostOverhead + 160 * MiB);
    expect(m.segments.reduce((s, x) => s + x.bytes, 0)).toBe(total);
    expect(m.totalMax).toBe(7 * GiB);
  });

  it('shows memory held for VMs being started as reserved', () => {
    const m = hostMemory({ name: 'h', total, free: total - used - 8 * GiB, hostOverhead, domains });
    expect(m.segments.find((s) => s.kind === 'reserved')?.bytes).toBe(8 * GiB);
    expect(m.segments.reduce((s, x) => s + x.bytes, 0)).toBe(total);
  });

  it('never shows more free memory than is left', () => {
    const m = hostMemory({ name: 'h', total, free: total, hostOverhead, domains });
    expect(m.free).toBe(total - used);
  });
});
