// task.create (a client's own task, e.g. XenCenter's for an import over
// HTTP), task.cancel and task.destroy; the rest of task.* is generic.
import { xenError } from '../../xapi/errors';
import { define, ref, type MethodTable } from './registry';

export function defineTaskApi(table: MethodTable): void {
  define(table, {
    name: 'task.create',
    params: [{ name: 'label', type: 'string' }, { name: 'description', type: 'string' }],
    run: ({ engine }, [label, description]) => engine.tasks.create(label as string, description as string, false),
  });
  define(table, {
    name: 'task.cancel',
    params: [{ name: 'task', type: ref('task') }],
    run: ({ engine }, [task]) => {
      const t = task as string;
      const record = engine.world.get('task', t);
      if (record.status !== 'pending' || !record.allowed_operations.includes('cancel')) {
        throw xenError('OPERATION_NOT_ALLOWED', `task ${t} cannot be cancelled in state ${record.status}`);
      }
      engine.world.update('task', t, { status: 'cancelling' });
      engine.operations.cancel(t);
      engine.tasks.cancelled(t);
    },
  });
  define(table, {
    name: 'task.destroy',
    params: [{ name: 'self', type: ref('task') }],
    run: ({ engine }, [task]) => {
      engine.world.destroy('task', task as string);
    },
  });
}
