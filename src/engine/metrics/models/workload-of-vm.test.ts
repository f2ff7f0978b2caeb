import { describe, expect, it } from 'vitest';
import { defaultWorkload, resolveWorkload, WORKLOAD_KEY, WORKLOAD_PARAMS_KEY } from './workload-of-vm';
import { workloadByName } from './workloads';

const guest = (name_label: string, extra: { tags?: string[]; reference_label?: string; other_config?: Record<string, string> } = {}) => ({
  name_label,
  tags: extra.tags ?? [],
  reference_label: extra.reference_label ?? 'debian-12',
  other_config: extra.other_config ?? {},
});

describe('the workload of a VM', () => {
  it('defaults by what the guest is', () => {
    expect(defaultWorkload(guest('web-01')).name).toBe('web-server');
    expect(defaultWorkload(guest('db-01')).name).toBe('database');
    expect(defaultWorkload(guest('build-01')).name).toBe('build');
    expect(defaultWorkload(guest('ci-01')).name).toBe('build');
    expect(defaultWorkload(guest('game-01')).name).toBe('game-server');
    expect(defaultWorkload(guest('dc-01')).name).toBe('idle');
    expect(defaultWorkload(guest('win-app-01')).name).toBe('web-server');
    expect(defaultWorkload(guest('mon-01')).name).toBe('database');
    expect(defaultWorkload(guest('cache-003')).name).toBe('web-server');
    expect(defaultWorkload(guest('legacy-01')).name).toBe('idle');
    expect(defaultWorkload(guest('box', { tags: ['database'] })).name).toBe('database');
    expect(defaultWorkload(guest('my desktop', { reference_label: 'windows-11' })).params['daily']).toBe(0.9);
    expect(defaultWorkload(guest('something')).name).toBe('idle');
  });

  it('default parameters are valid for their workload', () => {
    for (const name of ['app-1', 'win-app-1', 'cache-1', 'mon-1', 'dc-1', 'vdi-1', 'x']) {
      const d = defaultWorkload(guest(name));
      const def = workloadByName(d.name)!;
      for (const [k, v] of Object.entries(d.params)) {
        const spec = def.params[k];
        expect(spec, `${name}: ${k}`).toBeDefined();
        expect(v).toBeGreaterThanOrEqual(spec!.min);
        expect(v).toBeLessThanOrEqual(spec!.max);
      }
    }
  });

  it('other_config is the truth when it names a known workload', () => {
    const w = resolveWorkload(guest('web-01', { other_config: { [WORKLOAD_KEY]: 'stress', [WORKLOAD_PARAMS_KEY]: '{"dirty_mib_per_s": 64}' } }));
    expect(w.def.name).toBe('stress');
    expect(w.explicit).toBe(true);
    expect(w.params['dirty_mib_per_s']).toBe(64);
    expect(w.params['working_set_mib']).toBe(1024);
  });

  it('falls back to the default for an unknown name, and ignores bad parameters', () => {
    const w = resolveWorkload(guest('db-7', { other_config: { [WORKLOAD_KEY]: 'mining' } }));
    expect(w.def.name).toBe('database');
    expect(w.explicit).toBe(false);
    const v = resolveWorkload(guest('x', { other_config: { [WORKLOAD_KEY]: 'web-server', [WORKLOAD_PARAMS_KEY]: '{"requests": "lots"}' } }));
    expect(v.params['requests']).toBe(250);
  });
});
