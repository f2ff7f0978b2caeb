// The installer's screens, in XenServer's order. Each renders the fields of one
// step of the draft; checks come from installer-draft.ts.
import type { Dispatch, SetStateAction } from 'react';
import { KEYMAPS, TIMEZONES } from '../../../xapi/simulator/install-answers';
import type { FindingView, MachineView } from '../../../xapi/simulator/lab-view';
import { formatSize } from '../machine-words';
import type { Draft, FieldErrors } from './installer-draft';
import { Choices, TextField, TUI_ERROR } from './installer-frame';

export interface PageProps {
  readonly draft: Draft;
  readonly set: Dispatch<SetStateAction<Draft>>;
  readonly errors: FieldErrors;
  readonly machine: MachineView;
}

const patch = (set: PageProps['set'], p: Partial<Draft>) => set((d) => ({ ...d, ...p }));

export function BootPage({ draft, set, machine }: PageProps) {
  const nic = machine.spec.nics[0];
  return (
    <>
      <p>Welcome to XenServer. {machine.name} ({machine.spec.manufacturer} {machine.spec.product}) is about to start the installer. Boot from:</p>
      <Choices
        label="Boot source"
        value={draft.bootSource}
        options={[
          { value: 'cd', label: 'Installation CD/USB image (local media)' },
          { value: 'pxe', label: `Network boot (PXE) on NIC 0${nic === undefined ? '' : `: ${nic.model}`}` },
        ]}
        onChange={(v) => patch(set, { bootSource: v, sourceKind: v === 'pxe' ? 'http' : 'local' })}
      />
    </>
  );
}

export function KeyboardPage({ draft, set }: PageProps) {
  return <Choices label="Select Keymap" value={draft.keymap} options={KEYMAPS.map((k) => ({ value: k, label: k }))} onChange={(v) => patch(set, { keymap: v })} />;
}

export function EulaPage({ draft, set, errors }: PageProps) {
  return (
    <>
      <div className="h-40 overflow-auto border border-gray-500 bg-gray-100 p-2 text-xs" tabIndex={0} aria-label="End User License Agreement text">
        XENSERVER END USER LICENSE AGREEMENT (lab copy). This is a simulated installation in XenLab, a learning environment. By accepting you agree to use this
        simulated XenServer for learning. The real product&apos;s agreement governs real installations: read it before installing XenServer on a real server.
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={draft.eulaAccepted} onChange={(e) => patch(set, { eulaAccepted: e.target.checked })} />
        Accept EULA
      </label>
      {errors['eula'] !== undefined && <p className={TUI_ERROR} role="alert">{errors['eula']}</p>}
    </>
  );
}

export function HardwarePage({ findings }: { findings: readonly FindingView[] | undefined }) {
  if (findings === undefined) return <p>Checking hardware…</p>;
  const blockers = findings.filter((f) => f.severity === 'blocker');
  return (
    <>
      <p>{blockers.length > 0 ? 'This machine cannot take XenServer:' : findings.length === 0 ? 'The hardware meets XenServer\'s requirements.' : 'XenServer can be installed, with these warnings:'}</p>
      <ul className="space-y-2" aria-label="Hardware check results">
        {findings.map((f) => (
          <li key={f.id} className={`border-l-4 bg-gray-100 px-2 py-1 ${f.severity === 'blocker' ? 'border-red-700' : 'border-yellow-600'}`}>
            <div className="font-bold">{f.severity === 'blocker' ? 'BLOCKER' : 'WARNING'} · {f.subject}</div>
            <div>Found: {f.found}</div>
            <div>Needed: {f.needed}</div>
            <div>{f.meaning}</div>
          </li>
        ))}
      </ul>
    </>
  );
}

export function DiskPage({ draft, set, machine }: PageProps) {
  return (
    <>
      <Choices
        label="Select Primary Disk"
        value={draft.targetDisk}
        options={machine.spec.disks.map((d, i) => ({ value: i, label: `sd${String.fromCharCode(97 + i)} - ${formatSize(d.size)} [${d.model}]` }))}
        onChange={(v) => patch(set, { targetDisk: v })}
      />
      <p>The disk is erased: root 18 GiB, backup 18 GiB, logs 4 GiB, swap 1 GiB and boot 512 MiB; the rest becomes the local SR.</p>
      <Choices
        label="Local storage"
        value={draft.localSr}
        options={[
          { value: 'ext', label: 'Thin provisioning (EXT): disks use only the space they have written' },
          { value: 'lvm', label: 'Thick provisioning (LVM): each disk takes its full size' },
        ]}
        onChange={(v) => patch(set, { localSr: v })}
      />
    </>
  );
}

export function SourcePage({ draft, set, errors }: PageProps) {
  return (
    <>
      <Choices
        label="Select Installation Source"
        value={draft.sourceKind}
        options={[
          { value: 'local', label: 'Local media', disabled: draft.bootSource === 'pxe' },
          { value: 'http', label: 'HTTP or FTP' },
          { value: 'nfs', label: 'NFS' },
        ]}
        onChange={(v) => patch(set, { sourceKind: v })}
      />
      {draft.sourceKind !== 'local' && (
        <TextField label={draft.sourceKind === 'nfs' ? 'NFS path' : 'URL'} value={draft.sourceUrl} onChange={(v) => patch(set, { sourceUrl: v })} error={errors['url']} />
      )}
    </>
  );
}

export function PacksPage({ draft, set }: PageProps) {
  return (
    <Choices
      label="Supplemental Packs: would you like to install any?"
      value={draft.supplementalPacks ? 'yes' : 'no'}
      options={[{ value: 'no', label: 'No' }, { value: 'yes', label: 'Yes (asked for after the base install)' }]}
      onChange={(v) => patch(set, { supplementalPacks: v === 'yes' })}
    />
  );
}

export function VerifyPage({ draft, set }: PageProps) {
  return (
    <Choices
      label="Verify installation source"
      value={draft.verifyMedia ? 'verify' : 'skip'}
      options={[{ value: 'skip', label: 'Skip verification' }, { value: 'verify', label: 'Verify installation source (about 2 minutes)' }]}
      onChange={(v) => patch(set, { verifyMedia: v === 'verify' })}
    />
  );
}

export function PasswordPage({ draft, set, errors }: PageProps) {
  return (
    <>
      <p>Please specify a password for the root account (at least 6 characters).</p>
      <TextField label="Password" type="password" value={draft.password} onChange={(v) => patch(set, { password: v })} error={errors['password']} />
      <TextField label="Confirm" type="password" value={draft.confirm} onChange={(v) => patch(set, { confirm: v })} error={errors['confirm']} />
    </>
  );
}

export function NicPage({ draft, set, machine }: PageProps) {
  return (
    <Choices
      label="Networking: management interface"
      value={draft.managementNic}
      options={machine.spec.nics.map((n, i) => ({ value: i, label: `eth${String(i)} (${n.model}, ${String(n.speed)} Mbit/s)` }))}
      onChange={(v) => patch(set, { managementNic: v })}
    />
  );
}

export function IpPage({ draft, set, errors }: PageProps) {
  return (
    <>
      <Choices
        label="Configure the management interface"
        value={draft.dhcp ? 'dhcp' : 'static'}
        options={[{ value: 'dhcp', label: 'Automatic configuration (DHCP)' }, { value: 'static', label: 'Static configuration' }]}
        onChange={(v) => patch(set, { dhcp: v === 'dhcp' })}
      />
      {!draft.dhcp && (
        <>
          <TextField label="IP Address" value={draft.address} onChange={(v) => patch(set, { address: v })} error={errors['address']} />
          <TextField label="Subnet mask" value={draft.netmask} onChange={(v) => patch(set, { netmask: v })} error={errors['netmask']} />
          <TextField label="Gateway" value={draft.gateway} onChange={(v) => patch(set, { gateway: v })} error={errors['gateway']} />
        </>
      )}
    </>
  );
}

export function HostnamePage({ draft, set, errors }: PageProps) {
  return (
    <>
      <TextField label="Hostname" value={draft.hostname} onChange={(v) => patch(set, { hostname: v })} error={errors['hostname']} />
      {draft.dhcp ? <p>DNS servers: supplied by DHCP.</p> : <TextField label="DNS servers" value={draft.dns} onChange={(v) => patch(set, { dns: v })} error={errors['dns']} />}
    </>
  );
}

export function TimePage({ draft, set, errors }: PageProps) {
  return (
    <>
      <label className="grid grid-cols-[12rem_1fr] items-center gap-2">
        Time zone
        <select value={draft.timezone} onChange={(e) => patch(set, { timezone: e.target.value })} className="bg-blue-900 px-1 text-white focus:bg-red-700">
          {TIMEZONES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <Choices
        label="System Time"
        value={draft.ntp}
        options={[
          { value: 'dhcp', label: 'Using NTP servers supplied by DHCP' },
          { value: 'default', label: 'Using the default NTP servers' },
          { value: 'manual', label: 'Providing NTP servers manually' },
          { value: 'none', label: 'Manual time entry (no NTP)' },
        ]}
        onChange={(v) => patch(set, { ntp: v })}
      />
      {draft.ntp === 'manual' && <TextField label="NTP servers" value={draft.ntpServers} onChange={(v) => patch(set, { ntpServers: v })} error={errors['ntpServers']} />}
    </>
  );
}

export function ConfirmPage({ draft, machine }: PageProps) {
  const disk = machine.spec.disks[draft.targetDisk];
  return (
    <>
      <p>If you proceed, ALL DATA WILL BE DESTROYED on the disk selected for installation.</p>
      <dl className="grid grid-cols-[12rem_1fr] gap-x-2">
        <dt>Disk</dt>
        <dd>{disk === undefined ? '' : `${formatSize(disk.size)} [${disk.model}]`}, local SR {draft.localSr === 'ext' ? 'EXT (thin)' : 'LVM (thick)'}</dd>
        <dt>Source</dt>
        <dd>{draft.sourceKind === 'local' ? 'Local media' : draft.sourceUrl}</dd>
        <dt>Management</dt>
        <dd>eth{String(draft.managementNic)}, {draft.dhcp ? 'DHCP' : `${draft.address}/${draft.netmask} via ${draft.gateway}`}</dd>
        <dt>Hostname</dt>
        <dd>{draft.hostname}</dd>
        <dt>Time</dt>
        <dd>{draft.timezone}, NTP {draft.ntp}</dd>
      </dl>
    </>
  );
}
