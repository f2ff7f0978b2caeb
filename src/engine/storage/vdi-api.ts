// VDI.destroy: a disk in use by a running VM is refused (VDI_IN_USE); the
// VBDs that still point at it go with it, and the SR gets its space back.
import { xenError } from '../../xapi/errors';
import { define, ref, type MethodTable } from '../api/registry';
import { destroyVdi } from './vdi-space';

export function defineVdiApi(table: MethodTable): void {
  define(table, {
    name: 'VDI.destroy',
    params: [{ name: 'self', type: ref('VDI') }],
    async: true,
    run: ({ engine }, [self]) => {
      const vdi = engine.world.get('VDI', self as string);
      if (vdi.type === 'suspend' && [...engine.world.entries('VM')].some(([, vm]) => vm.suspend_VDI === self)) {
        throw xenError('VDI_IN_USE', self as string, 'destroy');
      }
      if (vdi.VBDs.some((vbd) => engine.world.find('VBD', vbd)?.currently_attached === true)) {
        throw xenError('VDI_IN_USE', self as string, 'destroy');
      }
      for (const vbd of vdi.VBDs) if (engine.world.has('VBD', vbd)) engine.world.destroy('VBD', vbd);
      destroyVdi(engine, self as string);
    },
  });
}
