// The New SR wizard's Location page: where the storage is, checked by
// SR.probe the way XenCenter's pages do it — NFS "server:/path" with Scan (and,
// when the path is wrong, the server's exports), iSCSI target → Scan Target
// Host → Target IQN → LUN, a server's spare disk, an ISO library's share.
import { formatBytes } from '../../format/bytes';
import { BUTTON_SECONDARY, INPUT_BOX, LABEL } from '../../dialogs/dialog-styles';
import { FieldMessages, describedBy, invalid } from '../common/field-messages';
import { parseIqns, parseLuns, type LocationForm, type SrKind } from './new-sr-model';
import { reattachable } from './reattach';
import { ReattachChoice } from './reattach-choice';
import type { ProbeAnswer } from './use-sr-probe';

export interface LocationPageProps {
  readonly kind: SrKind;
  readonly form: LocationForm;
  readonly hosts: readonly { ref: string; name: string }[];
  /** Field checks before any probe (format errors). */
  readonly fieldErrors: Readonly<Partial<Record<keyof LocationForm, string>>>;
  /** The latest probe answers: of the location itself, of the target's IQNs, of the IQN's LUNs. */
  readonly answer: ProbeAnswer | undefined;
  readonly answerFresh: boolean;
  readonly iqnAnswer: ProbeAnswer | undefined;
  readonly lunAnswer: ProbeAnswer | undefined;
  readonly exportsHint: string | undefined;
  readonly probing: boolean;
  /** UUIDs of the SRs the pool knows (a probe's other finds are forgotten SRs, offered for reattach). */
  readonly known: ReadonlySet<string>;
  /** The forgotten SR chosen for reattach, or undefined to create a new SR. */
  readonly reattach: string | undefined;
  onReattach(uuid: string | undefined): void;
  onChange(patch: Partial<LocationForm>): void;
  onScan(): void;
  onScanTarget(): void;
}

const ROW = 'mb-3 grid grid-cols-[9rem_1fr] items-start gap-x-3';

function Field(props: { id: string; label: string; value: string; error?: string | undefined; hint?: string; width?: string; type?: string; onChange(v: string): void }) {
  const issue = props.error === undefined ? undefined : { error: props.error };
  return (
    <div className={ROW}>
      <label htmlFor={props.id} className={`${LABEL} pt-1`}>
        {props.label}
      </label>
      <div>
        <input
          id={props.id}
          type={props.type ?? 'text'}
          className={`${INPUT_BOX} ${props.width ?? 'w-80'}`}
          value={props.value}
          aria-invalid={invalid(issue)}
          aria-describedby={describedBy(props.id, issue, props.hint !== undefined)}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <FieldMessages id={props.id} issue={issue} {...(props.hint === undefined ? {} : { hint: props.hint })} />
      </div>
    </div>
  );
}

/** Kinds whose storage holds one SR (a LUN, a disk): a new SR there formats it. */
const isDevice = (kind: SrKind): boolean => kind === 'iscsi' || kind === 'lvm' || kind === 'ext';

/** What the last probe of the location found, in words (role=status or alert). */
function ProbeOutcome({ answer, fresh, kind, known }: { answer: ProbeAnswer | undefined; fresh: boolean; kind: SrKind; known: ReadonlySet<string> }) {
  if (answer === undefined || !fresh) return <p className="text-xs text-slate-600">Scan to check the location before you finish.</p>;
  if (answer.error !== undefined)
    return (
      <p role="alert" className="text-xs text-red-700">
        {answer.error}
      </p>
    );
  const inPool = (answer.srs ?? []).filter((uuid) => known.has(uuid.toLowerCase()));
  const n = inPool.length;
  const inUse = n > 0 && isDevice(kind);
  return (
    <p role={inUse ? 'alert' : 'status'} className={`text-xs ${inUse ? 'text-red-700' : 'text-green-800'}`}>
      {inUse
        ? `This device already holds an SR of this pool (${inPool.join(', ')}). Forget or destroy that SR first.`
        : n > 0
          ? `Location checked. It holds ${String(n)} SR(s) of this pool; a new SR is created beside them.`
          : n < (answer.srs?.length ?? 0)
            ? 'Location checked.'
            : 'Location checked: a new SR can be created here.'}
    </p>
  );
}

export function LocationPage(p: LocationPageProps) {
  const { kind, form } = p;
  const forgotten = p.answerFresh && p.answer?.error === undefined ? reattachable(p.answer?.srs, p.known) : [];
  const scan = (
    <div className={ROW}>
      <span />
      <div className="space-y-1">
        <button type="button" className={BUTTON_SECONDARY} disabled={p.probing} onClick={p.onScan}>
          {p.probing ? 'Scanning…' : 'Scan'}
        </button>
        <ProbeOutcome answer={p.answer} fresh={p.answerFresh} kind={kind} known={p.known} />
        {forgotten.length > 0 ? <ReattachChoice found={forgotten} chosen={p.reattach} formats={isDevice(kind)} onChoose={p.onReattach} /> : null}
        {p.exportsHint !== undefined ? <p className="text-xs text-slate-700">{p.exportsHint}</p> : null}
      </div>
    </div>
  );

  if (kind === 'nfs' || kind === 'nfs-iso' || kind === 'cifs-iso') {
    return (
      <div className="text-[13px]">
        <Field
          id="sr-share"
          label={kind === 'cifs-iso' ? 'Share name' : kind === 'nfs' ? 'Share Name' : 'Share name'}
          value={form.share}
          error={p.fieldErrors.share}
          hint={kind === 'cifs-iso' ? 'Example: \\\\server\\share' : 'Example: server:/path'}
          onChange={(share) => p.onChange({ share })}
        />
        {kind === 'nfs' ? (
          <fieldset className={ROW}>
            <legend className={`${LABEL} float-left pt-1`}>NFS version</legend>
            <div className="flex gap-4">
              {(['3', '4'] as const).map((v) => (
                <label key={v} className="flex items-center gap-1">
                  <input type="radio" name="nfs-version" checked={form.nfsVersion === v} onChange={() => p.onChange({ nfsVersion: v })} />
                  NFSv{v}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {kind === 'cifs-iso' ? (
          <>
            <Field id="sr-user" label="User name" value={form.username} width="w-48" onChange={(username) => p.onChange({ username })} />
            <Field id="sr-password" label="Password" type="password" value={form.password} width="w-48" onChange={(password) => p.onChange({ password })} />
          </>
        ) : null}
        {scan}
      </div>
    );
  }

  if (kind === 'lvm' || kind === 'ext') {
    return (
      <div className="text-[13px]">
        <div className={ROW}>
          <label htmlFor="sr-host" className={`${LABEL} pt-1`}>
            Server
          </label>
          <select id="sr-host" className={`${INPUT_BOX} w-56`} value={form.host} onChange={(e) => p.onChange({ host: e.target.value })}>
            {p.hosts.map((h) => (
              <option key={h.ref} value={h.ref}>
                {h.name}
              </option>
            ))}
          </select>
        </div>
        <Field id="sr-device" label="Device" value={form.device} error={p.fieldErrors.device} hint="The server's spare disk, e.g. /dev/sdb. Everything on it is erased." width="w-56" onChange={(device) => p.onChange({ device })} />
        {scan}
      </div>
    );
  }

  // iSCSI: the target, then its IQNs, then the IQN's LUNs.
  const iqns = p.iqnAnswer === undefined ? [] : parseIqns(p.iqnAnswer.stderr);
  const luns = p.lunAnswer === undefined ? [] : parseLuns(p.lunAnswer.stderr);
  const iqnFailure = p.iqnAnswer !== undefined && iqns.length === 0 ? p.iqnAnswer.error : undefined;
  const lunFailure = p.lunAnswer !== undefined && luns.length === 0 ? p.lunAnswer.error : undefined;
  return (
    <div className="text-[13px]">
      <Field id="sr-target" label="Target host" value={form.target} error={p.fieldErrors.target} hint="The iSCSI target's name or IP address" width="w-56" onChange={(target) => p.onChange({ target, iqn: '', scsiId: '' })} />
      <Field id="sr-port" label="Port" value={form.port} error={p.fieldErrors.port} width="w-24" onChange={(port) => p.onChange({ port, iqn: '', scsiId: '' })} />
      <div className={ROW}>
        <span />
        <div className="space-y-1">
          <button type="button" className={BUTTON_SECONDARY} disabled={p.probing} onClick={p.onScanTarget}>
            {p.probing ? 'Scanning…' : 'Scan Target Host'}
          </button>
          {iqnFailure !== undefined ? (
            <p role="alert" className="text-xs text-red-700">
              {iqnFailure}
            </p>
          ) : null}
        </div>
      </div>
      <div className={ROW}>
        <label htmlFor="sr-iqn" className={`${LABEL} pt-1`}>
          Target IQN
        </label>
        <select id="sr-iqn" className={`${INPUT_BOX} w-96`} value={form.iqn} disabled={iqns.length === 0} onChange={(e) => p.onChange({ iqn: e.target.value, scsiId: '' })}>
          <option value="">{iqns.length === 0 ? 'Scan the target host first' : 'Choose a target IQN'}</option>
          {iqns.map((t) => (
            <option key={t.iqn} value={t.iqn}>
              {t.iqn} ({t.address})
            </option>
          ))}
        </select>
      </div>
      <div className={ROW}>
        <label htmlFor="sr-lun" className={`${LABEL} pt-1`}>
          Target LUN
        </label>
        <div>
          <select id="sr-lun" className={`${INPUT_BOX} w-96`} value={form.scsiId} disabled={luns.length === 0} onChange={(e) => p.onChange({ scsiId: e.target.value })}>
            <option value="">{luns.length === 0 ? 'Choose a target IQN first' : 'Choose a LUN'}</option>
            {luns.map((l) => (
              <option key={l.scsiId} value={l.scsiId}>
                LUN {l.lunId}: {l.vendor} {formatBytes(l.size)} ({l.scsiId})
              </option>
            ))}
          </select>
          {lunFailure !== undefined ? (
            <p role="alert" className="mt-1 text-xs text-red-700">
              {lunFailure}
            </p>
          ) : null}
          {form.scsiId !== '' ? (
            <div className="mt-1">
              <ProbeOutcome answer={p.answer} fresh={p.answerFresh} kind={kind} known={p.known} />
        {forgotten.length > 0 ? <ReattachChoice found={forgotten} chosen={p.reattach} formats={isDevice(kind)} onChoose={p.onReattach} /> : null}
            </div>
          ) : null}
        </div>
      </div>
      {p.exportsHint !== undefined ? <p className="text-xs">{p.exportsHint}</p> : null}
    </div>
  );
}
