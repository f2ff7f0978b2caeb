import { Engine } from './src/engine/engine';
import { WORLDS } from './src/engine/worlds/world-by-name';
import { sampleAll, visitSamples } from './src/engine/metrics/sample-all';
const big = Engine.create({ seed: 1, build: WORLDS.large });
sampleAll(big, 5, 5);
function bench(name: string, f: () => void) {
  const ts: number[] = [];
  for (let r = 0; r < 30; r++) { const t0 = performance.now(); for (let i = 0; i < 10; i++) f(); ts.push((performance.now() - t0) / 10); }
  ts.sort((a, b) => a - b);
  console.log(name, 'min', ts[0]!.toFixed(3), 'median', ts[15]!.toFixed(3));
}
let sink = 0; let t = 10;
bench('visitSamples', () => { visitSamples(big, (t += 5), 5, (_k, _u, n, v) => { sink += v[0]! + n.length; }); });
bench('sampleAll', () => { sink += sampleAll(big, (t += 5), 5).length; });
bench('visitSamples', () => { visitSamples(big, (t += 5), 5, (_k, _u, n, v) => { sink += v[0]! + n.length; }); });
bench('sampleAll', () => { sink += sampleAll(big, (t += 5), 5).length; });
console.log(sink > 0);
bench('sampleAll', () => { sink += sampleAll(big, (t += 5), 5).length; });
bench('visit+build', () => { const out: unknown[] = []; visitSamples(big, (t += 5), 5, (kind, uuid, n, v) => { const o: Record<string, number> = {}; for (let i = 0; i < n.length; i++) o[n[i]!] = v[i]!; out.push({ kind, uuid, values: o }); }); sink += out.length; });
bench('visitSamples', () => { visitSamples(big, (t += 5), 5, (_k, _u, n, v) => { sink += v[0]! + n.length; }); });
