// Saved RRDs that do not fit are refused whole, never half loaded and never
// thrown: wrong sizes, slots out of range, malformed headers, a claim of
// more slots than the buffers hold, RRDs newer than the world.
import { describe, expect, it } from 'vitest';
import { createLab } from '../../testing/lab';
import { rrdStoreOf } from '../metrics-tick';
import { restoreRrds, rrdSnapshot, type RrdSnapshot } from './rrd-snapshot';
import { handSampler, withMetrics } from './rrd-test-kit';

async function saved() {
  const { engine } = await createLab({ seed: 5 });
  withMetrics(engine, handSampler);
  engine.advance(600);
  return { engine, good: rrdSnapshot(engine) };
}

describe('restoreRrds', () => {
  it('keeps every value and the RRD table', async () => {
    const { engine, good } = await saved();
    const before = rrdStoreOf(engine);
    const [host] = [...before.all()];
    const t = engine.unixTime();
    const was = before.value(host!, 0, 1, 2, t - 60);
    expect(restoreRrds(engine, structuredClone(good))).toBe(true);
    const after = rrdStoreOf(engine);
    expect(after).not.toBe(before);
    expect(after.size).toBe(before.size);
    const again = after.get('host', host!.uuid)!;
    expect(again.names).toEqual(host!.names);
    expect(after.value(again, 0, 1, 2, t - 60)).toBe(was);
    expect(rrdSnapshot(engine).buffers.map((b) => b.byteLength)).toEqual(good.buffers.map((b) => b.byteLength));
  });

  const broken: [string, (s: RrdSnapshot) => unknown][] = [
    ['not an object', () => 'rrds'],
    ['another version', (s) => ({ ...s, version: 2 })],
    ['a missing buffer', (s) => ({ ...s, buffers: s.buffers.slice(0, -1) })],
    ['a short buffer', (s) => ({ ...s, buffers: s.buffers.map((b, i) => (i === 3 ? b.slice(4) : b)) })],
    ['a buffer that is not one', (s) => ({ ...s, buffers: s.buffers.map((b, i) => (i === 0 ? [...new Uint8Array(b)] : b)) })],
    // Claims 2^30 slots: refused from the buffers' sizes before anything is allocated.
    ['more slots than the buffers hold', (s) => ({ ...s, used: 2 ** 30, mmUsed: 2 ** 30 })],
    ['a negative slot count', (s) => ({ ...s, used: -1 })],
    ['a slot out of range', (s) => ({ ...s, rrds: s.rrds.map((h, i) => (i === 0 ? { ...h, slots: h.slots.map(() => s.used) } : h)) })],
    ['names and slots that disagree', (s) => ({ ...s, rrds: s.rrds.map((h, i) => (i === 0 ? { ...h, names: [...h.names, 'extra'] } : h)) })],
    ['a header of the wrong type', (s) => ({ ...s, rrds: [...s.rrds, { kind: 'sr', uuid: 1 }] })],
    ['a free slot out of range', (s) => ({ ...s, free: [s.used + 3] })],
    ['a fractional last update', (s) => ({ ...s, lastPdp: 0.5 })],
    ['a last update after the world\'s clock', (s) => ({ ...s, lastPdp: (s.lastPdp ?? 0) + 1000 })],
    ['a min/max owner out of range', (s) => ({ ...s, buffers: s.buffers.map((b, i) => (i === 2 ? new Int32Array(b.byteLength / 4).fill(1e9).buffer : b)) })],
    [
      'a getter that throws',
      (s) =>
        Object.defineProperty({ ...s }, 'rrds', {
          get() {
            throw new Error('boom');
          },
        }),
    ],
  ];

  it.each(broken)('refuses %s and leaves empty RRDs that keep recording', async (_what, breakIt) => {
    const { engine, good } = await saved();
    expect(restoreRrds(engine, breakIt(good))).toBe(false);
    expect(rrdStoreOf(engine).size).toBe(0);
    engine.advance(30);
    expect(rrdStoreOf(engine).size).toBeGreaterThan(0);
    expect(rrdStoreOf(engine).lastUpdate).toBe(Math.round(engine.unixTime() / 5) * 5);
  });
});
