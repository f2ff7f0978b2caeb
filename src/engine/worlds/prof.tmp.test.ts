import { it } from 'vitest';
import { Engine } from '../engine';
import { buildLargeWorld } from './large-world';
it('prof', () => {
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    Engine.create({ seed: k + 1, build: buildLargeWorld });
    console.log('large ms', performance.now() - t);
  }
});
