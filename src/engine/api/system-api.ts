// system.listMethods: clients (Xen Orchestra's among them) discover the
// classes from the X.get_all_records names it lists.
import { define, type MethodTable } from './registry';

export function defineSystemApi(table: MethodTable): void {
  define(table, {
    name: 'system.listMethods',
    session: false,
    // Clients call it bare (xen-api's login) or as a session call (xen-api's
    // `call`, which puts the session first); xapi answers both, the session unchecked.
    params: [{ name: 'session_id', type: 'any' }],
    optionalTail: 1,
    run: ({ engine }) => {
      const names: string[] = [];
      for (const def of engine.methods.values()) {
        names.push(def.name);
        if (def.async === true) names.push(`Async.${def.name}`);
      }
      return names.sort();
    },
  });
}
