// Simulator.*: what only a simulation has (time control). Kept out of the
// XenAPI class namespaces so nothing here can be mistaken for real XenAPI.
import { xenError } from '../../xapi/errors';
import { define, type MethodTable } from './registry';

const MAX_ADVANCE = 400 * 86400; // a little over a year of virtual time per call
const MAX_SPEED = 3600;

export function defineSimulatorApi(table: MethodTable): void {
  define(table, {
    name: 'Simulator.advance',
    params: [{ name: 'seconds', type: 'float' }],
    run: ({ engine }, [seconds]) => {
      const s = seconds as number;
      if (!(s >= 0 && s <= MAX_ADVANCE)) throw xenError('INVALID_VALUE', 'seconds', String(s));
      engine.advance(s);
      return engine.now;
    },
  });
  define(table, {
    name: 'Simulator.set_speed',
    params: [{ name: 'factor', type: 'float' }],
    run: ({ engine }, [factor]) => {
      const f = factor as number;
      if (!(f >= 0 && f <= MAX_SPEED)) throw xenError('INVALID_VALUE', 'factor', String(f));
      engine.config = { ...engine.config, speed: f };
    },
  });
  define(table, {
    name: 'Simulator.get_speed',
    params: [],
    run: ({ engine }) => engine.config.speed,
  });
  define(table, {
    name: 'Simulator.get_time',
    params: [],
    run: ({ engine }) => ({ seconds: engine.now, datetime: engine.datetime(), unix: engine.unixTime() }),
  });
}
