// message.destroy: the console's Alerts view dismisses a message for good
// (xapi keeps messages until someone destroys them); the rest of message.*
// is generic.
import { define, ref, type MethodTable } from './registry';

export function defineMessageApi(table: MethodTable): void {
  define(table, {
    name: 'message.destroy',
    params: [{ name: 'self', type: ref('message') }],
    run: ({ engine }, [message]) => {
      engine.world.destroy('message', message as string);
    },
  });
}
