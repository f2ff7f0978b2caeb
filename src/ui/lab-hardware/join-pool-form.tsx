// Add a standalone server to a pool: pool.join runs on the joining server, so
// the console asks the lab for a session on it (Simulator.server_session) and
// calls pool.join there with the coordinator's address and root password.
// Each refusal shows its XenAPI code and xapi's explanation.
import { useState } from 'react';
import { describeError } from '../../xapi/error-descriptions';
import { isXenApiError } from '../../xapi/errors';
import { BUTTON_PRIMARY, FIELD_ERROR, INPUT, LABEL } from '../dialogs/dialog-styles';
import { useLab } from '../lab/lab-context';

/** `onJoining` tells the parent to keep this form shown while the host stops being standalone, so its outcome stays visible. */
export function JoinPoolForm({ host, name, onJoining }: { host: string; name: string; onJoining: (host: string) => void }) {
  const lab = useLab();
  const [address, setAddress] = useState('192.168.10.11');
  const [password, setPassword] = useState('');
  const [state, setState] = useState<{ error?: string; done?: boolean; busy?: boolean }>({});
  const join = async () => {
    setState({ busy: true });
    onJoining(host);
    try {
      const session = await lab.client.call<string>('Simulator.server_session', host);
      const task = await lab.client.request<string>('Async.pool.join', [session, address.trim(), 'root', password]);
      await lab.client.waitForTask(task);
      setState({ done: true });
    } catch (e) {
      const text = isXenApiError(e) ? `${e.code}${e.params.length > 0 ? ` (${e.params.join(', ')})` : ''}: ${describeError(e.code) ?? ''}` : String(e);
      setState({ error: text });
    }
  };
  if (state.done === true) return <p role="status">{name} joined the pool.</p>;
  return (
    <form
      className="mt-1 flex flex-wrap items-end gap-2"
      aria-label={`Add ${name} to a pool`}
      onSubmit={(e) => {
        e.preventDefault();
        if (state.busy !== true) void join();
      }}
    >
      <label className="flex flex-col">
        <span className={LABEL}>Pool coordinator</span>
        <input className={INPUT} value={address} onChange={(e) => setAddress(e.target.value)} />
      </label>
      <label className="flex flex-col">
        <span className={LABEL}>Coordinator root password</span>
        <input className={INPUT} type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" className={BUTTON_PRIMARY} aria-disabled={state.busy === true}>
        Join pool
      </button>
      {state.error !== undefined && <p className={`${FIELD_ERROR} w-full`} role="alert">{state.error}</p>}
      <p className="w-full text-xs text-slate-600">Licensing: the joining server takes the pool&apos;s edition; its VMs must be shut down first.</p>
    </form>
  );
}
