// The Migrate VM wizard's pages (XenCenter's CrossPoolMigrateWizard):
// Destination, Storage, Networking, Migration network, Finish. Each field
// shows its error next to it; the wizard keeps the form and moves between them.
import type { ReactNode } from 'react';
import type { ObjectCache } from '../../cache/object-cache';
import { INPUT_BOX, LABEL } from '../../dialogs/dialog-styles';
import { formatBytes } from '../../format/bytes';
import { srLabel } from '../../format/sr-label';
import type { BootCheck } from '../../actions/host-choice';
import { FieldMessages, describedBy, invalid } from '../common/field-messages';
import { MappingTable, TD } from './mapping-table';
import {
  bytesToCopy,
  disksOf,
  freeSpace,
  migrationNetworkChoices,
  networkChoices,
  srChoices,
  vifsOf,
  type Destination,
  type FormErrors,
  type MigrateForm,
} from './migrate-vm-model';


function issue(error: string | undefined) {
  return error === undefined ? undefined : { error };
}

function Field(p: { id: string; label: string; error?: string | undefined; hint?: string; children: ReactNode }) {
  return (
    <div className="mb-3">
      <label htmlFor={p.id} className={LABEL}>
        {p.label}
      </label>
      <div className="mt-1">
        {p.children}
        <FieldMessages id={p.id} issue={issue(p.error)} {...(p.hint === undefined ? {} : { hint: p.hint })} />
      </div>
    </div>
  );
}

export function DestinationPage(p: {
  cache: ObjectCache;
  vm: string;
  destinations: readonly Destination[];
  form: MigrateForm;
  errors: FormErrors;
  checks: ReadonlyMap<string, BootCheck>;
  onPool(pool: string): void;
  onHost(host: string): void;
}) {
  const dest = p.destinations.find((d) => d.ref === p.form.pool);
  const vm = p.cache.get('VM', p.vm);
  const current = p.cache.get('host', vm?.resident_on ?? '')?.name_label ?? '';
  return (
    <div className="max-w-2xl text-[13px]">
      <p className="mb-3 text-slate-700">
        Choose where to migrate {vm?.name_label}: a pool or a standalone server, then the server it will run on. It now runs on {current}.
      </p>
      <Field id="mig-pool" label="Destination:">
        <select id="mig-pool" className={`${INPUT_BOX} w-72`} value={p.form.pool} onChange={(e) => p.onPool(e.target.value)}>
          {p.destinations.map((d) => (
            <option key={d.ref} value={d.ref}>
              {d.label}
              {d.hosts.length === 1 && d.hosts[0]?.name === d.label ? ' (standalone server)' : ''}
            </option>
          ))}
        </select>
      </Field>
      <Field id="mig-host" label="Target server:" error={p.errors.host} hint="Servers that cannot take the VM are disabled, with the reason.">
        <select
          id="mig-host"
          className={`${INPUT_BOX} w-full`}
          value={p.form.host}
          aria-invalid={invalid(issue(p.errors.host))}
          aria-describedby={describedBy('mig-host', issue(p.errors.host), true)}
          onChange={(e) => p.onHost(e.target.value)}
        >
          <option value="">Choose a server</option>
          {(dest?.hosts ?? []).map((h) => {
            const c = p.checks.get(h.ref) ?? { status: 'pending' };
            return (
              <option key={h.ref} value={h.ref} disabled={c.status === 'failed'}>
                {h.name}
                {c.status === 'failed' ? ` — ${c.reason}` : c.status === 'pending' ? ' — checking…' : ''}
              </option>
            );
          })}
        </select>
      </Field>
    </div>
  );
}

export function StoragePage(p: { cache: ObjectCache; vm: string; form: MigrateForm; errors: FormErrors; onChange(vdi: string, sr: string): void }) {
  const choices = srChoices(p.cache, p.form.host);
  const disks = disksOf(p.cache, p.vm);
  if (disks.length === 0) return <p className="text-[13px] text-slate-700">This VM has no virtual disks to place.</p>;
  return (
    <div className="text-[13px]">
      <p className="mb-3 text-slate-700">
        Place each virtual disk on a storage repository the target server can reach. A disk whose SR changes is copied while the VM runs (Storage XenMotion), before its memory.
      </p>
      <MappingTable
        name="Virtual disks"
        headers={['Virtual disk', 'Size', 'Current SR', 'Target SR']}
        placeholder="Choose an SR"
        rows={disks.map((d) => ({
          id: `mig-sr-${d.vdi}`,
          cells: (
            <>
              <td className={TD}>{d.name}</td>
              <td className={TD}>{formatBytes(d.size)}</td>
              <td className={TD}>{srLabel(p.cache, d.sr)}</td>
            </>
          ),
          label: `Target SR for ${d.name}`,
          value: p.form.storage[d.vdi] ?? '',
          error: p.errors.storage[d.vdi],
          options: choices.map((c) => ({ value: c.ref, label: `${c.name} (${formatBytes(freeSpace(p.cache, c.ref))} free)${c.ref === d.sr ? ' — current' : ''}` })),
          onChange: (sr: string) => p.onChange(d.vdi, sr),
        }))}
      />
    </div>
  );
}

export function NetworkingPage(p: { cache: ObjectCache; vm: string; form: MigrateForm; errors: FormErrors; onChange(vif: string, network: string): void }) {
  const choices = networkChoices(p.cache, p.form.host);
  const vifs = vifsOf(p.cache, p.vm);
  if (vifs.length === 0) return <p className="text-[13px] text-slate-700">This VM has no virtual network interfaces.</p>;
  return (
    <div className="text-[13px]">
      <p className="mb-3 text-slate-700">Connect each virtual network interface to a network of the target server. The VM keeps its MAC addresses.</p>
      <MappingTable
        name="Virtual network interfaces"
        headers={['Interface', 'MAC', 'Current network', 'Target network']}
        placeholder="Choose a network"
        rows={vifs.map((v) => ({
          id: `mig-net-${v.vif}`,
          cells: (
            <>
              <td className={TD}>Interface {v.device}</td>
              <td className={`${TD} font-mono text-xs`}>{v.mac}</td>
              <td className={TD}>{p.cache.get('network', v.network)?.name_label}</td>
            </>
          ),
          label: `Target network for interface ${v.device}`,
          value: p.form.networks[v.vif] ?? '',
          error: p.errors.networks[v.vif],
          options: choices.map((c) => ({ value: c.ref, label: c.name })),
          onChange: (network: string) => p.onChange(v.vif, network),
        }))}
      />
    </div>
  );
}

export function MigrationNetworkPage(p: { cache: ObjectCache; form: MigrateForm; errors: FormErrors; onChange(network: string): void }) {
  const choices = migrationNetworkChoices(p.cache, p.form.host);
  const error = p.errors.migrationNetwork;
  return (
    <div className="max-w-2xl text-[13px]">
      <p className="mb-3 text-slate-700">
        The VM's memory (and any disk being moved) travels over this network. Only networks on which the target server has an IP address are offered; a faster
        link shortens the copy rounds.
      </p>
      <Field id="mig-network" label="Network used for the migration:" error={error}>
        <select
          id="mig-network"
          className={`${INPUT_BOX} w-96`}
          value={p.form.migrationNetwork}
          aria-invalid={invalid(issue(error))}
          aria-describedby={describedBy('mig-network', issue(error), false)}
          onChange={(e) => p.onChange(e.target.value)}
        >
          <option value="">Choose a network</option>
          {choices.map((c) => (
            <option key={c.ref} value={c.ref}>
              {c.name}
              {c.management ? ' (management)' : ''}
              {c.speed > 0 ? ` — ${String(c.speed)} Mbit/s` : ''}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

export function FinishPage(p: { cache: ObjectCache; vm: string; form: MigrateForm; crossPool: boolean; check: BootCheck; running: boolean; failure: string | undefined }) {
  const name = (cls: 'host' | 'network', ref: string) => p.cache.get(cls, ref)?.name_label ?? '';
  const copy = bytesToCopy(p.cache, p.vm, p.form);
  const moved = disksOf(p.cache, p.vm).filter((d) => (p.form.storage[d.vdi] ?? d.sr) !== d.sr);
  const vm = p.cache.get('VM', p.vm);
  const home = vm === undefined ? undefined : p.cache.get('host', vm.affinity);
  return (
    <div className="text-[13px]">
      <dl className="grid grid-cols-[12rem_1fr] gap-y-1">
        <dt className="text-slate-600">VM:</dt>
        <dd className="m-0">{vm?.name_label}</dd>
        <dt className="text-slate-600">Target server:</dt>
        <dd className="m-0">{name('host', p.form.host)}</dd>
        <dt className="text-slate-600">Disks moved:</dt>
        <dd className="m-0">{moved.length === 0 ? 'None (they stay on shared storage)' : moved.map((d) => `${d.name} → ${srLabel(p.cache, p.form.storage[d.vdi] ?? '')}`).join('; ')}</dd>
        <dt className="text-slate-600">Networks:</dt>
        <dd className="m-0">
          {vifsOf(p.cache, p.vm)
            .map((v) => `Interface ${v.device} → ${name('network', p.form.networks[v.vif] ?? '')}`)
            .join('; ') || 'None'}
        </dd>
        <dt className="text-slate-600">Migration network:</dt>
        <dd className="m-0">{name('network', p.form.migrationNetwork)}</dd>
      </dl>
      <h3 className="mt-4 mb-1 font-semibold">Pre-checks</h3>
      <ul className="space-y-1">
        <li role="status">
          {p.check.status === 'pending' ? 'Checking that the target server can take the VM…' : p.check.status === 'ok' ? 'The target server can take the VM.' : null}
        </li>
        {p.check.status === 'failed' && (
          <li role="alert" className="text-red-700">
            <FieldMessages id="mig-check" issue={{ error: p.check.reason }} />
          </li>
        )}
        {copy > 0 && (
          <li className="text-amber-800">
            <FieldMessages id="mig-copy" issue={{ warning: `${formatBytes(copy)} of disk will be copied before the memory; the migration takes longer than a memory-only one.` }} />
          </li>
        )}
        {p.crossPool && home !== undefined && (
          <li className="text-amber-800">
            <FieldMessages id="mig-home" issue={{ warning: `The VM's home server (${home.name_label}) is in its current pool; it will have no home server in the new pool.` }} />
          </li>
        )}
      </ul>
      {p.running && (
        <p role="status" className="mt-3">
          Starting the migration…
        </p>
      )}
      {p.failure !== undefined && (
        <p role="alert" className="mt-3 text-red-700">
          {p.failure}
        </p>
      )}
    </div>
  );
}
