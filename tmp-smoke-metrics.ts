import { Engine } from './src/engine/engine';
import { WORLDS } from './src/engine/worlds/world-by-name';
import { sampleAll } from './src/engine/metrics/sample-all';
const big = Engine.create({ seed: 1, build: WORLDS.large });
let tick = 1;
for (; tick < 200; tick++) sampleAll(big, tick * 5, 5);
const batches: number[] = [];
for (let b = 0; b < 40; b++) {
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) sampleAll(big, (tick++) * 5, 5);
  batches.push((performance.now() - t0) / 10);
}
batches.sort((a, b) => a - b);
console.log('ms/tick min', batches[0]!.toFixed(2), 'p25', batches[10]!.toFixed(2), 'median', batches[20]!.toFixed(2));
