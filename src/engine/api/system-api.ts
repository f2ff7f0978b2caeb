// system.listMethods: clients (Xen Orchestra's among them) discover the
// classes from the X.get_all_records names it lists.
import { define, type MethodTable } from './registry';

export function defineSystemApi(table: MethodTable): void {
  define(table, {
    name: 'system.listMethods',
    session: false,
    params: [],
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
