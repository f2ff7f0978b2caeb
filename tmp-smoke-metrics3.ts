import { Engine } from './src/engine/engine';
import { WORLDS } from './src/engine/worlds/world-by-name';
const g = globalThis as unknown as { __p: number[]; __now: () => number };
g.__p = []; g.__now = () => 0;
const { sampleAll } = await import('./src/engine/metrics/sample-all');
const { factsOf } = await import('./src/engine/metrics/models/sample-facts');
const big = Engine.create({ seed: 1, build: WORLDS.large });
sampleAll(big, 5, 5);
const facts = factsOf(big);
const hosts = facts.hosts;
function bench(name: string, f: () => void) {
  const ts: number[] = [];
  for (let r = 0; r < 30; r++) { const t0 = performance.now(); for (let i = 0; i < 20; i++) f(); ts.push((performance.now() - t0) / 20); }
  ts.sort((a, b) => a - b);
  console.log(name, ts[0]!.toFixed(3), ts[15]!.toFixed(3));
}
let sink = 0;
bench('spread 64 host templates', () => { for (const h of hosts) { const o = { ...h.template }; sink += Object.keys(o).length > 0 ? 1 : 0; } });
bench('spread + fill', () => { for (const h of hosts) { const o: Record<string, number> = { ...h.template }; for (let i = 0; i < h.pcpus; i++) o[h.cpuKeys[i]!] = i; sink += o['cpu0']!; } });
bench('literal fill', () => { for (const h of hosts) { const o: Record<string, number> = {}; for (let i = 0; i < h.pcpus; i++) o[h.cpuKeys[i]!] = i; sink += o['cpu0']!; } });
bench('sampleAll', () => { sink += sampleAll(big, 100, 5).length; });
console.log(sink > 0);
