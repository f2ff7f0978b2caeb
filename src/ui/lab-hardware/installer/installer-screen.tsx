// The installer, screen by screen, for one machine: boot source → keyboard →
// EULA → hardware check → disk and local SR → source → supplemental packs →
// verify → root password → management NIC → IP → hostname/DNS → time → confirm,
// then the installation's phases and progress (a Simulator task in virtual
// time, cancellable) and the reboot into a standalone XenServer host.
import { useState, type ComponentType } from 'react';
import { isXenApiError } from '../../../xapi/errors';
import type { FindingView, MachineView } from '../../../xapi/simulator/lab-view';
import { useLab } from '../../lab/lab-context';
import { useLabView } from '../use-lab-view';
import { hasErrors, initialDraft, screenErrors, toAnswers, type Draft } from './installer-draft';
import { InstallerFrame, TUI_BUTTON, TUI_ERROR } from './installer-frame';
import * as P from './installer-pages';

const FORM_SCREENS: readonly { id: string; title: string; page: ComponentType<P.PageProps> }[] = [
  { id: 'boot', title: 'Boot', page: P.BootPage },
  { id: 'keyboard', title: 'Select Keymap', page: P.KeyboardPage },
  { id: 'eula', title: 'End User License Agreement', page: P.EulaPage },
  { id: 'hardware', title: 'Hardware check', page: () => null },
  { id: 'disk', title: 'Select Primary Disk', page: P.DiskPage },
  { id: 'source', title: 'Select Installation Source', page: P.SourcePage },
  { id: 'packs', title: 'Supplemental Packs', page: P.PacksPage },
  { id: 'verify', title: 'Verify Installation Source', page: P.VerifyPage },
  { id: 'password', title: 'Set Password', page: P.PasswordPage },
  { id: 'nic', title: 'Networking', page: P.NicPage },
  { id: 'ip', title: 'Networking: IP configuration', page: P.IpPage },
  { id: 'hostname', title: 'Hostname and DNS Configuration', page: P.HostnamePage },
  { id: 'time', title: 'Select Time Zone and System Time', page: P.TimePage },
  { id: 'confirm', title: 'Confirm Installation', page: P.ConfirmPage },
];

function message(e: unknown): string {
  if (isXenApiError(e)) return e.params.length > 1 && e.code === 'INVALID_VALUE' ? String(e.params[1]) : e.params[0] ?? e.code;
  return e instanceof Error ? e.message : String(e);
}

export function InstallerScreen({ machineId, onClose }: { machineId: string; onClose: () => void }) {
  const view = useLabView();
  const machine = view?.machines.find((m) => m.id === machineId);
  if (machine === undefined) return <InstallerFrame title="Loading">Starting…</InstallerFrame>;
  return <InstallerFlow machine={machine} onClose={onClose} />;
}

function InstallerFlow({ machine, onClose }: { machine: MachineView; onClose: () => void }) {
  const lab = useLab();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(machine.name));
  const [step, setStep] = useState(0);
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [findings, setFindings] = useState<readonly FindingView[] | undefined>(undefined);
  const [started, setStarted] = useState(false);
  if (machine.state === 'installing' || started) return <Installing machine={machine} onClose={onClose} />;

  const screen = FORM_SCREENS[step] ?? FORM_SCREENS[0]!;
  const errors = tried ? screenErrors(screen.id, draft) : {};
  const back = step === 0 ? onClose : () => { setStep(step - 1); setTried(false); setFailure(undefined); };
  const next = async () => {
    setTried(true);
    if (hasErrors(screenErrors(screen.id, draft))) return;
    setFailure(undefined);
    try {
      if (screen.id === 'boot') await lab.client.call('Simulator.boot_installer', machine.id, draft.bootSource, 0);
      if (screen.id === 'eula') setFindings(await lab.client.call<FindingView[]>('Simulator.hardware_check', machine.id));
      if (screen.id === 'confirm') {
        await lab.client.startAsync('Simulator.install', machine.id, toAnswers(draft));
        setStarted(true);
        return;
      }
    } catch (e) {
      setFailure(message(e));
      return;
    }
    setStep(step + 1);
    setTried(false);
  };
  const blocked = screen.id === 'hardware' && (findings ?? []).some((f) => f.severity === 'blocker');
  const Page = screen.page;
  return (
    <InstallerFrame
      key={screen.id}
      title={screen.title}
      onOk={blocked ? undefined : () => void next()}
      okLabel={screen.id === 'confirm' ? 'Install XenServer' : 'Ok'}
      onBack={back}
    >
      {screen.id === 'hardware' ? <P.HardwarePage findings={findings} /> : <Page draft={draft} set={setDraft as P.PageProps['set']} errors={errors} machine={machine} />}
      {blocked && <p className={TUI_ERROR} role="alert">The installation cannot continue on this machine.</p>}
      {failure !== undefined && <p className={TUI_ERROR} role="alert">{failure}</p>}
    </InstallerFrame>
  );
}

function Installing({ machine, onClose }: { machine: MachineView; onClose: () => void }) {
  const lab = useLab();
  const install = machine.install;
  if (machine.state === 'installed') {
    return (
      <InstallerFrame title="Installation Complete" onOk={onClose} okLabel="Ok">
        <p>The XenServer installation has completed. {machine.name} has rebooted as a standalone XenServer host{machine.address === undefined ? '' : ` at ${machine.address}`}.</p>
        <p>Connect to it from the console with Add Server (user root and the password you chose).</p>
      </InstallerFrame>
    );
  }
  if (machine.state === 'bare') {
    return (
      <InstallerFrame title="Installation Cancelled" onOk={onClose}>
        <p>The installation was cancelled. The machine is bare again: its disk was wiped.</p>
      </InstallerFrame>
    );
  }
  const percent = Math.round((install?.progress ?? 0) * 100);
  return (
    <InstallerFrame title="Installing XenServer">
      <ol className="space-y-0.5" aria-label="Installation phases">
        {(install?.phases ?? []).map((p, i) => (
          <li key={p} className={i === install?.phaseIndex ? 'font-bold' : i < (install?.phaseIndex ?? 0) ? 'text-gray-600' : ''}>
            {i < (install?.phaseIndex ?? 0) ? '[done] ' : i === install?.phaseIndex ? '[....] ' : '[    ] '}
            {p}
          </li>
        ))}
      </ol>
      <div role="progressbar" aria-label="Installation progress" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} className="h-4 border border-black bg-gray-100">
        <div className="h-full bg-blue-800" style={{ width: `${String(percent)}%` }} />
      </div>
      <p>{percent}% complete</p>
      {install !== undefined && install.task !== '' && (
        <div className="flex justify-center">
          <button type="button" className={TUI_BUTTON} onClick={() => void lab.client.call('task.cancel', install.task).catch(() => undefined)}>
            Cancel installation
          </button>
        </div>
      )}
    </InstallerFrame>
  );
}
