import { Engine } from './src/engine/engine';
import { WORLDS } from './src/engine/worlds/world-by-name';
import { visitSamples } from './src/engine/metrics/sample-all';
const big = Engine.create({ seed: 1, build: WORLDS.large });
const rows: { names: readonly string[]; values: Float64Array }[] = [];
visitSamples(big, 5, 5, (_k, _u, names, values) => rows.push({ names, values: values.slice() }));
function bench(name: string, f: () => void) {
  const ts: number[] = [];
  for (let r = 0; r < 30; r++) { const t0 = performance.now(); for (let i = 0; i < 10; i++) f(); ts.push((performance.now() - t0) / 10); }
  ts.sort((a, b) => a - b);
  console.log(name, 'min', ts[0]!.toFixed(3), 'median', ts[15]!.toFixed(3));
}
let sink = 0;
const variants: [string, (n: readonly string[], v: Float64Array) => Record<string, number>][] = [
  ['literal', (n, v) => { const o: Record<string, number> = {}; for (let i = 0; i < n.length; i++) o[n[i]!] = v[i]!; return o; }],
  ['nullproto', (n, v) => { const o: Record<string, number> = Object.create(null); for (let i = 0; i < n.length; i++) o[n[i]!] = v[i]!; return o; }],
  ['fromEntries', (n, v) => Object.fromEntries(n.map((k, i) => [k, v[i]!]))],
  ['map', (n, v) => { const o = new Map<string, number>(); for (let i = 0; i < n.length; i++) o.set(n[i]!, v[i]!); return o as unknown as Record<string, number>; }],
];
for (const [name, f] of [...variants, ...variants]) bench(name, () => { for (const r of rows) sink += f(r.names, r.values) ? 1 : 0; });
console.log(sink > 0, rows.length, rows.reduce((a, r) => a + r.names.length, 0));
bench('literal retained', () => { const out: unknown[] = []; for (const r of rows) { const o: Record<string, number> = {}; for (let i = 0; i < r.names.length; i++) o[r.names[i]!] = r.values[i]!; out.push({ values: o }); } sink += out.length; });
bench('literal retained', () => { const out: unknown[] = []; for (const r of rows) { const o: Record<string, number> = {}; for (let i = 0; i < r.names.length; i++) o[r.names[i]!] = r.values[i]!; out.push({ values: o }); } sink += out.length; });
