// The Migrate VM wizard (XenCenter's CrossPoolMigrateWizard, opened from
// VM ▸ Migrate to Server ▸ Migrate VM wizard…): Destination → Storage →
// Networking → Migration network → Finish. Changing the target server resets
// the later pages to that server's defaults. Finish asks the target for
// host.migrate_receive on the chosen network, then runs VM.migrate_send with
// the disk and network maps (the engine checks everything again), and shows
// the VM's Migration tab.
import { useMemo, useState } from 'react';
import { useMakeActionContext } from '../../actions/use-actions';
import { runTaskCall } from '../../actions/run-xenapi';
import { poolOfHost } from '../../actions/host-pool-actions';
import { useLab } from '../../lab/lab-context';
import { useUi } from '../../state/ui-store';
import { WizardFrame, type WizardStepInfo } from '../common/wizard-frame';
import { failureText } from '../new-sr/new-sr-model';
import { defaultsFor, destinations, formErrors, migrateMaps, type FormErrors, type MigrateForm } from './migrate-vm-model';
import { DestinationPage, FinishPage, MigrationNetworkPage, NetworkingPage, StoragePage } from './migrate-vm-pages';
import { useFormCheck, useHostChecks } from './use-migrate-checks';

type StepId = 'destination' | 'storage' | 'networking' | 'network' | 'finish';
const ORDER: readonly StepId[] = ['destination', 'storage', 'networking', 'network', 'finish'];
const STEP_NAMES: Readonly<Record<StepId, string>> = { destination: 'Destination', storage: 'Storage', networking: 'Networking', network: 'Migration network', finish: 'Finish' };
const TITLES: Readonly<Record<StepId, string>> = {
  destination: 'Choose a destination',
  storage: 'Choose storage for the virtual disks',
  networking: 'Map the virtual network interfaces',
  network: 'Choose the migration network',
  finish: 'Review and migrate',
};

function pageBlocked(step: StepId, errors: FormErrors): string | undefined {
  switch (step) {
    case 'destination':
      return errors.host;
    case 'storage':
      return Object.values(errors.storage)[0];
    case 'networking':
      return Object.values(errors.networks)[0];
    case 'network':
      return errors.migrationNetwork;
    case 'finish':
      return undefined;
  }
}

export function MigrateVmWizard({ vmRef, onClose }: { vmRef: string; onClose: () => void }) {
  const lab = useLab();
  const { cache } = lab;
  const makeContext = useMakeActionContext();
  const dests = useMemo(() => destinations(cache), [cache]);
  const vm = cache.get('VM', vmRef);
  const homePool = poolOfHost(vm?.resident_on ?? '', cache)?.pool ?? dests[0]?.ref ?? '';
  const [step, setStep] = useState<StepId>('destination');
  const [form, setForm] = useState<MigrateForm>(() => ({ pool: homePool, host: '', storage: {}, networks: {}, migrationNetwork: '' }));
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const errors = formErrors(cache, vmRef, form);
  const hostRefs = dests.find((d) => d.ref === form.pool)?.hosts.map((h) => h.ref) ?? [];
  const checks = useHostChecks(lab, cache, vmRef, form.pool, hostRefs);
  const firstBlocked = ORDER.map((s) => pageBlocked(s, errors)).find((b) => b !== undefined);
  const check = useFormCheck(lab, vmRef, form, firstBlocked === undefined && step === 'finish');
  const index = ORDER.indexOf(step);
  const steps: WizardStepInfo[] = ORDER.map((id) => ({ id, name: STEP_NAMES[id] }));
  const hostCheck = checks.get(form.host);
  const nextBlocked = pageBlocked(step, errors) ?? (step === 'destination' && hostCheck?.status === 'failed' ? hostCheck.reason : undefined);

  const chooseHost = (host: string) => setForm(host === '' ? { ...form, host } : defaultsFor(cache, vmRef, form.pool, host));

  const finish = async () => {
    if (vm === undefined) return;
    setFailure(undefined);
    setRunning(true);
    try {
      const dest = await lab.client.call<Record<string, string>>('host.migrate_receive', form.host, form.migrationNetwork, {});
      const { vdiMap, vifMap } = migrateMaps(form);
      const hostName = cache.get('host', form.host)?.name_label ?? '';
      void runTaskCall(makeContext([vmRef]), {
        method: 'VM.migrate_send',
        args: [vmRef, dest, true, vdiMap, vifMap, {}, {}],
        target: { cls: 'VM', ref: vmRef, kind: 'vm', name: vm.name_label },
        failure: `Could not migrate ${vm.name_label} to ${hostName}`,
      });
      onClose();
      useUi.getState().selectObjects([vmRef]);
      useUi.getState().chooseTab('migration');
    } catch (e) {
      setFailure(failureText(e));
    } finally {
      setRunning(false);
    }
  };

  const finishBlocked =
    step !== 'finish'
      ? 'Go through every page first.'
      : (firstBlocked ?? (check.status === 'pending' ? 'The pre-checks are running.' : check.status === 'failed' ? check.reason : running ? 'Starting the migration…' : undefined));

  return (
    <WizardFrame
      title={`Migrate VM - ${vm?.name_label ?? ''}`}
      steps={steps}
      current={step}
      pageTitle={TITLES[step]}
      nextBlocked={nextBlocked}
      finishBlocked={finishBlocked}
      onBack={() => setStep(ORDER[Math.max(0, index - 1)] ?? step)}
      onNext={() => setStep(ORDER[Math.min(ORDER.length - 1, index + 1)] ?? step)}
      onFinish={() => void finish()}
      onCancel={onClose}
    >
      {step === 'destination' && (
        <DestinationPage
          cache={cache}
          vm={vmRef}
          destinations={dests}
          form={form}
          errors={errors}
          checks={checks}
          onPool={(pool) => setForm({ pool, host: '', storage: {}, networks: {}, migrationNetwork: '' })}
          onHost={chooseHost}
        />
      )}
      {step === 'storage' && <StoragePage cache={cache} vm={vmRef} form={form} errors={errors} onChange={(vdi, sr) => setForm({ ...form, storage: { ...form.storage, [vdi]: sr } })} />}
      {step === 'networking' && (
        <NetworkingPage cache={cache} vm={vmRef} form={form} errors={errors} onChange={(vif, network) => setForm({ ...form, networks: { ...form.networks, [vif]: network } })} />
      )}
      {step === 'network' && <MigrationNetworkPage cache={cache} form={form} errors={errors} onChange={(migrationNetwork) => setForm({ ...form, migrationNetwork })} />}
      {step === 'finish' && <FinishPage cache={cache} vm={vmRef} form={form} crossPool={form.pool !== homePool} check={check} running={running} failure={failure} />}
    </WizardFrame>
  );
}
