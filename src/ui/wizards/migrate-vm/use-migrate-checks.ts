// The Migrate VM wizard's pre-checks, made by the pool: for each candidate
// server, host.migrate_receive on its management network and
// VM.assert_can_migrate with the default maps (the Destination page greys the
// servers that fail, with the reason); and for the chosen form, the same with
// the user's maps and migration network (the Finish page shows the result,
// an error blocks Finish).
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ObjectCache } from '../../cache/object-cache';
import type { LabConnection } from '../../lab/lab-connection';
import { bootFailureReason, type BootCheck } from '../../actions/host-choice';
import { defaultsFor, migrateMaps, type MigrateForm } from './migrate-vm-model';

async function assertCan(lab: LabConnection, vm: string, form: MigrateForm): Promise<true> {
  const dest = await lab.client.call<Record<string, string>>('host.migrate_receive', form.host, form.migrationNetwork, {});
  const { vdiMap, vifMap } = migrateMaps(form);
  await lab.client.call('VM.assert_can_migrate', vm, dest, true, vdiMap, vifMap, {}, {});
  return true;
}

function checkOf(r: { isPending: boolean; isError: boolean; error: unknown } | undefined): BootCheck {
  if (r === undefined || r.isPending) return { status: 'pending' };
  return r.isError ? { status: 'failed', reason: bootFailureReason(r.error) } : { status: 'ok' };
}

/** Each host's check for `vm` (the VM's own server answers "Current server" without asking). */
export function useHostChecks(lab: LabConnection, cache: ObjectCache, vm: string, pool: string, hosts: readonly string[]): Map<string, BootCheck> {
  const resident = cache.get('VM', vm)?.resident_on;
  const asked = hosts.filter((h) => h !== resident);
  const results = useQueries({
    queries: asked.map((host) => ({
      queryKey: ['migrate-wizard', 'host', vm, host],
      queryFn: () => assertCan(lab, vm, defaultsFor(cache, vm, pool, host)),
      staleTime: 0,
      retry: false,
    })),
  });
  const out = new Map<string, BootCheck>();
  if (resident !== undefined && hosts.includes(resident)) out.set(resident, { status: 'failed', reason: 'Current server' });
  asked.forEach((h, i) => out.set(h, checkOf(results[i])));
  return out;
}

/** The check of the whole form (enabled once the form has no field errors). */
export function useFormCheck(lab: LabConnection, vm: string, form: MigrateForm, enabled: boolean): BootCheck {
  const result = useQuery({
    queryKey: ['migrate-wizard', 'form', vm, form],
    queryFn: () => assertCan(lab, vm, form),
    enabled,
    staleTime: 0,
    retry: false,
  });
  return checkOf(result);
}
