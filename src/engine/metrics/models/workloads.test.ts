import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH } from '../../engine';
import { hashKey } from './noise';
import { dailyWindowCoverage, effectiveParams, emptyDemand, parseParams, readParams, WORKLOADS, WORKLOAD_NAMES, workloadByName, type WorkloadContext, type WorkloadDemand } from './workloads';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const H = 3600;

function ctx(t: number, over: Partial<WorkloadContext> = {}): WorkloadContext {
  return { key: hashKey(1, 'vm-1'), t, dt: 5, epoch: DEFAULT_EPOCH, vcpus: 4, memory: 8 * GiB, osMemory: 350 * MiB, ...over };
}

function run(name: string, t: number, params: Record<string, number> = {}, over: Partial<WorkloadContext> = {}): WorkloadDemand {
  const def = workloadByName(name)!;
  const out = emptyDemand();
  def.evaluate(effectiveParams(def, params), ctx(t, over), out);
  return out;
}

describe('workloads', () => {
  it('has the six named workloads', () => {
    expect(WORKLOAD_NAMES).toEqual(['idle', 'web-server', 'database', 'build', 'game-server', 'stress']);
  });

  it('every workload gives finite, non-negative demand within a vCPU and the memory, all week', () => {
    const problems: string[] = [];
    for (const def of WORKLOADS.values()) {
      for (let t = 0; t < 7 * 86400; t += 1234) {
        const d = run(def.name, t);
        for (const [k, v] of Object.entries(d)) if (!Number.isFinite(v) || v < 0) problems.push(`${def.name}.${k} = ${String(v)} at ${String(t)}`);
        if (d.cpuFirst > 1 || d.cpuOther > 1 || d.kernel > 1) problems.push(`${def.name}: CPU over 1 at ${String(t)}`);
        if (d.memoryUsed > 8 * GiB || d.memoryUsed < 350 * MiB) problems.push(`${def.name}: memory ${String(d.memoryUsed)} at ${String(t)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every parameter default lies within its bounds', () => {
    for (const def of WORKLOADS.values()) {
      for (const [name, spec] of Object.entries(def.params)) {
        expect(spec.default, `${def.name}.${name}`).toBeGreaterThanOrEqual(spec.min);
        expect(spec.default, `${def.name}.${name}`).toBeLessThanOrEqual(spec.max);
      }
    }
  });

  it('a web server is busier in the evening than before dawn, and sends more than it receives', () => {
    const monday = -8 * H; // virtual time of Monday 00:00
    const evening = run('web-server', monday + 20 * H, { noise: 0 });
    const dawn = run('web-server', monday + 4 * H, { noise: 0 });
    expect(evening.cpuFirst).toBeGreaterThan(dawn.cpuFirst * 1.5);
    expect(evening.netTxBps).toBeGreaterThan(evening.netRxBps * 5);
    expect(evening.netTxBps).toBeGreaterThan(dawn.netTxBps * 2);
  });

  it('a build saturates its vCPUs while it runs and idles between builds', () => {
    const samples = Array.from({ length: 12 * 60 }, (_, i) => run('build', 2 * H + i * 5 * 12).cpuFirst); // Monday 10:00–22:00 every minute
    expect(Math.max(...samples)).toBeGreaterThan(0.8);
    expect(Math.min(...samples)).toBeLessThan(0.05);
  });

  it('a game server loads its main thread (vCPU 0) far more than the others', () => {
    const d = run('game-server', 13 * H, { noise: 0 }); // Monday 21:00
    expect(d.cpuFirst).toBeGreaterThan(0.5);
    expect(d.cpuOther).toBeLessThan(d.cpuFirst / 3);
  });

  it('a database runs its nightly maintenance, reading far more then', () => {
    const monday = -8 * H;
    const day = run('database', monday + 14 * H, { noise: 0, daily: 0 });
    // The window starts in the hour after maintenance_hour: 02:59 is inside it whatever the minute.
    const night = run('database', monday + 24 * H + 2 * H - 60, { noise: 0, daily: 0 });
    expect(night.diskReadBps).toBeGreaterThan(day.diskReadBps + 2 * MiB);
    expect(dailyWindowCoverage(DEFAULT_EPOCH - 8 * H + 1.5 * H, 3600, 1, 1)).toBeCloseTo(0.5);
  });

  it('the stress workload dirties pages at its parameter and keeps a working set no bigger than memory', () => {
    const d = run('stress', 100, { dirty_mib_per_s: 512, working_set_mib: 65536 });
    expect(d.dirtyPagesPerSec).toBe((512 * MiB) / 4096);
    expect(d.hotPages).toBe((8 * GiB) / 4096);
    expect(d.cpuFirst).toBeGreaterThan(0.9);
  });

  it('the same time and key give the same demand (no shared random state)', () => {
    expect(run('web-server', 777)).toEqual(run('web-server', 777));
    expect(run('web-server', 777, {}, { key: hashKey(1, 'vm-2') })).not.toEqual(run('web-server', 777));
  });

  it('parses and checks parameters', () => {
    const web = workloadByName('web-server')!;
    expect(parseParams(web, '')).toEqual({ ok: true, params: {} });
    expect(parseParams(web, '{"requests": 900, "load": 0.5}')).toEqual({ ok: true, params: { requests: 900, load: 0.5 } });
    expect(parseParams(web, '{"requests": -1}').ok).toBe(false);
    expect(parseParams(web, '{"load": 2}').ok).toBe(false);
    expect(parseParams(web, '{"tps": 3}').ok).toBe(false);
    expect(parseParams(web, '{"load": "high"}').ok).toBe(false);
    expect(parseParams(web, '[1]').ok).toBe(false);
    expect(parseParams(web, '{oops').ok).toBe(false);
    // Reading what someone else wrote into other_config is lenient.
    expect(readParams(web, '{"requests": 900, "load": 7, "x": 1}')).toEqual({ requests: 900 });
    expect(readParams(web, 'garbage')).toEqual({});
    expect(effectiveParams(web, { requests: 900 })['requests']).toBe(900);
    expect(effectiveParams(web, {})['requests']).toBe(web.params['requests']!.default);
  });
});
