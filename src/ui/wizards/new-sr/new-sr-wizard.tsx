// The New SR wizard (XenCenter's NewSRWizard): Type → Name → Location →
// Finish. The Location page checks the storage with SR.probe (Finish waits for
// a scan of exactly what is on the form); Finish calls SR.create on the
// coordinator (shared SRs, plugged on every server) or on the chosen server
// (local SRs), and shows the storage driver's error if it refuses.
import { useMemo, useState } from 'react';
import { INPUT, LABEL } from '../../dialogs/dialog-styles';
import { useLab } from '../../lab/lab-context';
import { useUi } from '../../state/ui-store';
import { FieldMessages, describedBy, invalid } from '../common/field-messages';
import { LinearWizard } from '../common/linear-wizard';
import { LocationPage } from './location-page';
import {
  EMPTY_LOCATION,
  SR_KINDS,
  createArgs,
  deviceConfig,
  failureText,
  kindInfo,
  parseExports,
  portError,
  shareError,
  type LocationForm,
  type SrKind,
} from './new-sr-model';
import { configKey, useSrProbe, type ProbeAnswer } from './use-sr-probe';
import { reattachable, reattachSr } from './reattach';

type StepId = 'type' | 'name' | 'location' | 'finish';
const STEP_NAMES: Readonly<Record<StepId, string>> = { type: 'Type', name: 'Name', location: 'Location', finish: 'Finish' };
const ORDER: readonly StepId[] = ['type', 'name', 'location', 'finish'];
const TITLES: Readonly<Record<StepId, string>> = {
  type: 'Choose the type of new storage',
  name: 'What do you want to call this Storage Repository?',
  location: 'Enter a path for your storage',
  finish: 'Create the new storage repository',
};

export function NewSrWizard({ onClose }: { onClose: () => void }) {
  const lab = useLab();
  const { cache } = lab;
  const hosts = useMemo(
    () => [...cache.all('host')].map(([ref, h]) => ({ ref, name: h.name_label })).sort((a, b) => a.name.localeCompare(b.name)),
    [cache],
  );
  const coordinator = [...cache.all('pool').values()][0]?.master ?? hosts[0]?.ref ?? '';
  const [step, setStep] = useState<StepId>('type');
  const [kind, setKind] = useState<SrKind>('nfs');
  const [name, setName] = useState(kindInfo('nfs').defaultName);
  const [nameEdited, setNameEdited] = useState(false);
  const [description, setDescription] = useState('');
  const [form, setForm] = useState<LocationForm>({ ...EMPTY_LOCATION, host: coordinator });
  const [answer, setAnswer] = useState<ProbeAnswer | undefined>(undefined);
  const [iqnAnswer, setIqnAnswer] = useState<ProbeAnswer | undefined>(undefined);
  const [lunAnswer, setLunAnswer] = useState<ProbeAnswer | undefined>(undefined);
  const [exportsHint, setExportsHint] = useState<string | undefined>(undefined);
  const [reattachChoice, setReattachChoice] = useState<string | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const { probing, probe } = useSrProbe();
  const info = kindInfo(kind);
  const selectObjects = useUi((s) => s.selectObjects);

  const probeHost = info.shared ? coordinator : form.host;
  const config = deviceConfig(kind, form);
  const fresh = answer !== undefined && answer.key === configKey(config);

  const fieldErrors: Partial<Record<keyof LocationForm, string>> = {};
  if (kind === 'nfs' || kind === 'nfs-iso' || kind === 'cifs-iso') {
    const e = shareError(kind, form.share);
    if (e !== undefined) fieldErrors.share = e;
  } else if (kind === 'iscsi') {
    if (form.target.trim() === '') fieldErrors.target = 'Enter the target host.';
    const e = portError(form.port);
    if (e !== undefined) fieldErrors.port = e;
  } else if (!form.device.startsWith('/dev/')) fieldErrors.device = 'Enter a device path such as /dev/sdb.';

  const nameError = name.trim() === '' ? 'Enter a name for the new SR.' : undefined;
  const firstFieldError = Object.values(fieldErrors)[0];
  // The pool's SRs; anything else a probe finds is an SR the pool forgot, offered for reattach.
  const known = new Set([...cache.all('SR').values()].map((sr) => sr.uuid.toLowerCase()));
  const forgotten = fresh && answer.error === undefined ? reattachable(answer.srs, known) : [];
  const reattach = reattachChoice !== undefined && forgotten.includes(reattachChoice) ? reattachChoice : undefined;
  const deviceInUse = fresh && (answer.srs ?? []).some((uuid) => known.has(uuid.toLowerCase())) && (kind === 'iscsi' || kind === 'lvm' || kind === 'ext');
  const locationBlocked =
    firstFieldError ??
    (kind === 'iscsi' && form.scsiId === '' ? 'Choose a target IQN and LUN.' : undefined) ??
    (probing ? 'Scanning…' : undefined) ??
    (!fresh ? 'Scan the location first.' : answer.error !== undefined ? 'The location was refused: fix it and scan again.' : undefined) ??
    (deviceInUse ? 'This device already holds an SR.' : undefined);

  const blocked = (id: StepId): string | undefined => (id === 'name' ? nameError : id === 'location' ? locationBlocked : undefined);

  const chooseKind = (k: SrKind) => {
    setKind(k);
    if (!nameEdited) setName(kindInfo(k).defaultName);
    setAnswer(undefined);
    setExportsHint(undefined);
  };
  const change = (patch: Partial<LocationForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setExportsHint(undefined);
    if (patch.iqn !== undefined && patch.iqn !== '') void probeLuns(patch.iqn);
    if (patch.scsiId !== undefined && patch.scsiId !== '') void scanLocation({ ...form, ...patch });
  };

  async function scanLocation(f: LocationForm = form) {
    const a = await probe(probeHost, deviceConfig(kind, f), info.type);
    setAnswer(a);
    // XenCenter offers to reattach what it finds first: a forgotten SR is most likely why the user came back here.
    setReattachChoice(reattachable(a.srs, known)[0]);
    // A path the NFS server does not export: list what it does export (SM answers that to a probe without a path).
    if (kind === 'nfs' && a.error !== undefined && a.code === 'SR_BACKEND_FAILURE_73') {
      const listing = await probe(probeHost, { server: deviceConfig(kind, f)['server'] ?? '' }, 'nfs');
      const exports = parseExports(listing.stderr);
      if (exports.length > 0) setExportsHint(`The server exports: ${exports.map((e) => e.path).join(', ')}`);
    }
  }
  async function scanTarget() {
    setIqnAnswer(await probe(probeHost, { target: form.target.trim(), port: form.port.trim() }, info.type));
    setLunAnswer(undefined);
    setForm((f) => ({ ...f, iqn: '', scsiId: '' }));
  }
  async function probeLuns(iqn: string) {
    setLunAnswer(await probe(probeHost, { target: form.target.trim(), port: form.port.trim(), targetIQN: iqn }, info.type));
  }

  const finish = async () => {
    setFailure(undefined);
    setRunning(true);
    try {
      const sr =
        reattach === undefined
          ? await lab.client.callAsync<string>('SR.create', ...createArgs(kind, probeHost, form, name, description))
          : await reattachSr(lab.client, { kind, uuid: reattach, name, description, deviceConfig: config, hosts: info.shared ? [coordinator, ...hosts.map((h) => h.ref).filter((h) => h !== coordinator)] : [form.host] });
      onClose();
      selectObjects([sr]);
    } catch (e) {
      setFailure(failureText(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <LinearWizard
      title="New Storage Repository"
      order={ORDER}
      stepNames={STEP_NAMES}
      titles={TITLES}
      step={step}
      setStep={setStep}
      blocked={blocked}
      running={running ? (reattach === undefined ? 'Creating the SR…' : 'Reattaching the SR…') : undefined}
      onFinish={() => void finish()}
      onCancel={onClose}
    >
      {step === 'type' && (
        <div className="text-[13px]">
          {(['Virtual disk storage', 'ISO library'] as const).map((group) => (
            <fieldset key={group} className="mb-3">
              <legend className="mb-1 font-semibold text-slate-800">{group}</legend>
              {SR_KINDS.filter((k) => k.group === group).map((k) => (
                <label key={k.kind} className="flex items-center gap-2 py-0.5 pl-3">
                  <input type="radio" name="sr-kind" checked={kind === k.kind} onChange={() => chooseKind(k.kind)} />
                  {k.label}
                </label>
              ))}
            </fieldset>
          ))}
          <p className="rounded-sm border border-slate-200 bg-slate-50 p-2 text-slate-700">{info.detail}</p>
        </div>
      )}
      {step === 'name' && (
        <div className="max-w-xl space-y-3 text-[13px]">
          <div>
            <label htmlFor="sr-name" className={LABEL}>
              Name
            </label>
            <input
              id="sr-name"
              className={INPUT}
              value={name}
              aria-invalid={invalid(nameError === undefined ? undefined : { error: nameError })}
              aria-describedby={describedBy('sr-name', nameError === undefined ? undefined : { error: nameError }, false)}
              onChange={(e) => {
                setName(e.target.value);
                setNameEdited(true);
              }}
            />
            <FieldMessages id="sr-name" issue={nameError === undefined ? undefined : { error: nameError }} />
          </div>
          <div>
            <label htmlFor="sr-description" className={LABEL}>
              Description
            </label>
            <textarea id="sr-description" className={`${INPUT} h-20`} value={description} onChange={(e) => setDescription(e.target.value)} />
          </div>
        </div>
      )}
      {step === 'location' && (
        <LocationPage
          kind={kind}
          form={form}
          hosts={hosts}
          fieldErrors={fieldErrors}
          answer={answer}
          answerFresh={fresh}
          iqnAnswer={iqnAnswer}
          lunAnswer={lunAnswer}
          exportsHint={exportsHint}
          probing={probing}
          known={known}
          reattach={reattach}
          onReattach={setReattachChoice}
          onChange={change}
          onScan={() => void scanLocation()}
          onScanTarget={() => void scanTarget()}
        />
      )}
      {step === 'finish' && (
        <div className="text-[13px]">
          <dl className="grid grid-cols-[10rem_1fr] gap-y-1">
            <dt className="text-slate-600">Type:</dt>
            <dd className="m-0">{info.label} ({info.group})</dd>
            <dt className="text-slate-600">Name:</dt>
            <dd className="m-0">{name}</dd>
            {reattach !== undefined ? (
              <>
                <dt className="text-slate-600">Reattach:</dt>
                <dd className="m-0">the existing SR {reattach}, with its virtual disks</dd>
              </>
            ) : null}
            {info.allocation !== '' ? (
              <>
                <dt className="text-slate-600">Provisioning:</dt>
                <dd className="m-0">{info.allocation}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">Location:</dt>
            <dd className="m-0 break-all">{Object.entries(config).filter(([k]) => k !== 'cifspassword').map(([k, v]) => `${k}=${v}`).join(', ')}</dd>
            <dt className="text-slate-600">Servers:</dt>
            <dd className="m-0">{info.shared ? 'Every server in the pool' : (hosts.find((h) => h.ref === form.host)?.name ?? '')}</dd>
          </dl>
          {running ? (
            <p role="status" className="mt-3">
              {reattach === undefined ? 'Creating' : 'Reattaching'} the SR and plugging it on {info.shared ? 'every server' : 'the server'}…
            </p>
          ) : null}
          {failure !== undefined ? (
            <p role="alert" className="mt-3 text-red-700">
              {failure}
            </p>
          ) : null}
        </div>
      )}
    </LinearWizard>
  );
}
