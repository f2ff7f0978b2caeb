// Connect to WLB Server (XenCenter's WlbCredentialsDialog): the WLB server's
// address and port, the account the pool uses on it, and the account WLB uses
// to reach the pool (by default the console's own). Connect calls
// pool.initialize_wlb; the pool checks the address and the credentials. The
// lab's built-in balancer answers at any address.
import { useState } from 'react';
import { describeError } from '../../xapi/error-descriptions';
import { isXenApiError } from '../../xapi/errors';
import { useObject } from '../cache/use-cache';
import { useLab } from '../lab/lab-context';
import { LAB_PASSWORD, LAB_USER } from '../lab/lab-connection';
import { rememberTaskObject } from '../notifications/task-log-store';
import { FieldMessages, describedBy, invalid } from '../wizards/common/field-messages';
import { INPUT, LABEL } from './dialog-styles';
import { FormDialog } from './form-dialog';

export const WLB_DEFAULT_PORT = '8012';

export function connectErrors(f: { address: string; port: string; wlbUser: string; wlbPassword: string; ownCredentials: boolean; xsUser: string; xsPassword: string }): Record<string, string | undefined> {
  const port = Number(f.port);
  return {
    address: f.address.trim() === '' ? 'Enter the WLB server’s name or IP address.' : !/^[A-Za-z0-9.-]+$/.test(f.address.trim()) ? 'Enter a host name or IP address (letters, digits, dots and hyphens).' : undefined,
    port: !/^\d+$/.test(f.port) || port < 1 || port > 65535 ? 'Enter a port from 1 to 65535.' : undefined,
    wlbUser: f.wlbUser.trim() === '' ? 'Enter the WLB server’s user name.' : undefined,
    wlbPassword: f.wlbPassword === '' ? 'Enter the WLB server’s password.' : undefined,
    xsUser: !f.ownCredentials && f.xsUser.trim() === '' ? 'Enter the pool’s user name.' : undefined,
    xsPassword: !f.ownCredentials && f.xsPassword === '' ? 'Enter the pool’s password.' : undefined,
  };
}

function Field({ id, label, value, error, type = 'text', onChange }: { id: string; label: string; value: string; error: string | undefined; type?: string; onChange: (v: string) => void }) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <input id={id} type={type} className={`${INPUT} mt-1`} value={value} aria-invalid={invalid({ error })} aria-describedby={describedBy(id, { error }, false)} onChange={(e) => onChange(e.target.value)} />
      <FieldMessages id={id} issue={{ error }} />
    </div>
  );
}

export function WlbConnectDialog({ poolRef, onClose }: { poolRef: string; onClose: () => void }) {
  const lab = useLab();
  const pool = useObject('pool', poolRef);
  const [address, setAddress] = useState('');
  const [port, setPort] = useState(WLB_DEFAULT_PORT);
  const [wlbUser, setWlbUser] = useState('');
  const [wlbPassword, setWlbPassword] = useState('');
  const [ownCredentials, setOwnCredentials] = useState(true);
  const [xsUser, setXsUser] = useState('');
  const [xsPassword, setXsPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const errors = connectErrors({ address, port, wlbUser, wlbPassword, ownCredentials, xsUser, xsPassword });
  const firstError = Object.values(errors).find((e) => e !== undefined);
  // Errors show once the user tried to connect, or at a field already typed into.
  const shown = (key: string, value: string) => (touched || value !== '' ? errors[key] : undefined);

  const submit = () => {
    setRunning(true);
    setFailure(undefined);
    const run = async () => {
      const task = await lab.client.startAsync('pool.initialize_wlb', `${address.trim()}:${port}`, wlbUser.trim(), wlbPassword, ownCredentials ? LAB_USER : xsUser.trim(), ownCredentials ? LAB_PASSWORD : xsPassword);
      rememberTaskObject(task, { cls: 'pool', ref: poolRef, name: pool?.name_label ?? '' });
      await lab.client.waitForTask(task);
      onClose();
    };
    run()
      .catch((error: unknown) => setFailure(isXenApiError(error) ? `${describeError(error.code) ?? 'The pool refused to connect.'} (${error.code})` : String(error)))
      .finally(() => setRunning(false));
  };

  const rubric = `Connect pool ‘${pool?.name_label ?? ''}’ to a Workload Balancing server. (In this lab a built-in balancer answers at any address, for example wlb.lab.)`;
  return (
    <FormDialog
      title="Connect to WLB Server"
      submitLabel="Connect"
      blocked={running ? 'Connecting to the WLB server…' : firstError}
      sayBlocked={false}
      width="w-[min(30rem,calc(100vw-2rem))]"
      rubric={{ id: 'wlb-connect-rubric', text: rubric }}
      onAttempt={() => setTouched(true)}
      onSubmit={submit}
      onClose={onClose}
    >
              <fieldset className="grid grid-cols-[1fr_6rem] gap-3">
                <legend className={`${LABEL} mb-1`}>Server Address</legend>
                <Field id="wlb-address" label="Address" value={address} error={shown('address', address)} onChange={setAddress} />
                <Field id="wlb-port" label="Port" value={port} error={errors['port']} onChange={setPort} />
              </fieldset>
              <fieldset className="flex flex-col gap-2">
                <legend className={`${LABEL} mb-1`}>WLB Server Credentials</legend>
                <Field id="wlb-user" label="User name" value={wlbUser} error={shown('wlbUser', wlbUser)} onChange={setWlbUser} />
                <Field id="wlb-password" label="Password" type="password" value={wlbPassword} error={shown('wlbPassword', wlbPassword)} onChange={setWlbPassword} />
              </fieldset>
              <fieldset className="flex flex-col gap-2">
                <legend className={`${LABEL} mb-1`}>Pool Credentials (used by WLB to reach the pool)</legend>
                <label className="flex items-center gap-2 text-[13px]">
                  <input type="checkbox" checked={ownCredentials} onChange={(e) => setOwnCredentials(e.target.checked)} />
                  Use the current XenLab credentials
                </label>
                {!ownCredentials && (
                  <>
                    <Field id="wlb-xs-user" label="Pool user name" value={xsUser} error={shown('xsUser', xsUser)} onChange={setXsUser} />
                    <Field id="wlb-xs-password" label="Pool password" type="password" value={xsPassword} error={shown('xsPassword', xsPassword)} onChange={setXsPassword} />
                  </>
                )}
              </fieldset>
              {running ? <p role="status" className="text-[13px]">Connecting to the WLB server…</p> : null}
              {failure !== undefined ? <p role="alert" className="text-[13px] text-red-700">{failure}</p> : null}
    </FormDialog>
  );
}
