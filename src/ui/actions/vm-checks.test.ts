import { describe, expect, it } from 'vitest';
import { allowedCheck } from './vm-checks';

describe('allowedCheck', () => {
  it('says a passed-through PCI device is why a running VM cannot suspend or migrate', () => {
    const vm: Parameters<typeof allowedCheck>[0] = { blocked_operations: {}, allowed_operations: ['clean_shutdown'], attached_PCIs: ['OpaqueRef:gpu'] };
    for (const [op, label] of [['suspend', 'Suspend'], ['pool_migrate', 'Migrate']] as const) {
      const result = allowedCheck(vm, op, label);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.reason).toContain('PCI device');
    }
    expect(allowedCheck({ ...vm, attached_PCIs: [] }, 'suspend', 'Suspend')).toEqual({ ok: false, reason: 'Suspend is not allowed on this VM at the moment.' });
    expect(allowedCheck(vm, 'clean_shutdown', 'Shut Down').ok).toBe(true);
  });
});
