
import { Engine } from './src/engine/engine';
import { WORLDS } from './src/engine/worlds/world-by-name';
import { sampleAll } from './src/engine/metrics/sample-all';

  const e = Engine.create({ seed: 1, build: WORLDS.default });
  const s = sampleAll(e, 5, 5);
  for (const x of s) console.log(x.kind, x.uuid.slice(0,8), e.world.find('VM', e.world.refByUuid('VM', x.uuid) ?? '')?.name_label ?? '', JSON.stringify(x.values, (k, v) => typeof v === 'number' ? Math.round(v*1000)/1000 : v));
  const big = Engine.create({ seed: 1, build: WORLDS.large });
  let t0 = performance.now();
  sampleAll(big, 5, 5);
  console.log('first', performance.now() - t0);
  t0 = performance.now();
  let n = 0;
  for (let i = 2; i < 202; i++) n += sampleAll(big, i * 5, 5).length;
  console.log('per tick ms', (performance.now() - t0) / 200, 'samples', n / 200);

