// Add Server (XenCenter's AddServerDialog): server address, user name and
// password. The lab checks them as a login to that server would; a wrong
// password is SESSION_AUTHENTICATION_FAILED, said in plain words.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isXenApiError } from '../../xapi/errors';
import { FIELD_ERROR, INPUT, LABEL } from '../dialogs/dialog-styles';
import { FormDialog } from '../dialogs/form-dialog';
import { useLab } from '../lab/lab-context';
import { labViewKey } from './use-lab-view';

function explain(e: unknown, address: string): string {
  if (!isXenApiError(e)) return String(e);
  switch (e.code) {
    case 'SESSION_AUTHENTICATION_FAILED':
      return `The user name or password is wrong: ${address} refused the login (SESSION_AUTHENTICATION_FAILED).`;
    case 'CANNOT_CONTACT_HOST':
      return `Unable to connect to ${address}: no XenServer answers at that address (CANNOT_CONTACT_HOST).`;
    case 'HOST_IS_SLAVE':
      return `${address} is a member of a pool: connect to its coordinator, ${e.params[0] ?? ''}, instead (HOST_IS_SLAVE).`;
    default:
      return `${e.code}: ${e.params.join(' ')}`;
  }
}

export function AddServerDialog({ initialAddress, onClose }: { initialAddress?: string | undefined; onClose: () => void }) {
  const lab = useLab();
  const queryClient = useQueryClient();
  const [address, setAddress] = useState(initialAddress ?? '');
  const [user, setUser] = useState('root');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const blocked = busy ? 'Adding the server…' : address.trim() === '' ? 'Enter the server’s address.' : user.trim() === '' ? 'Enter a user name.' : undefined;
  const add = async () => {
    setBusy(true);
    try {
      await lab.client.call('Simulator.add_server', address.trim(), user.trim(), password);
      await queryClient.invalidateQueries({ queryKey: labViewKey });
      onClose();
    } catch (e) {
      setError(explain(e, address.trim()));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog
      title="Add New Server"
      submitLabel="Add"
      blocked={blocked}
      sayBlocked={false}
      width="w-[min(26rem,calc(100vw-2rem))]"
      rubric={{ id: 'add-server-rubric', text: 'Enter the server’s address and your credentials.' }}
      onSubmit={() => void add()}
      onClose={onClose}
    >
              <label className="block">
                <span className={LABEL}>Server</span>
                <input className={INPUT} value={address} onChange={(e) => setAddress(e.target.value)} autoFocus />
              </label>
              <label className="block">
                <span className={LABEL}>User name</span>
                <input className={INPUT} value={user} onChange={(e) => setUser(e.target.value)} />
              </label>
              <label className="block">
                <span className={LABEL}>Password</span>
                <input className={INPUT} type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
              </label>
              {error !== undefined && <p className={FIELD_ERROR} role="alert">{error}</p>}
    </FormDialog>
  );
}
