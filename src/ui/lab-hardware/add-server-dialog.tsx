// Add Server (XenCenter's AddServerDialog): server address, user name and
// password. The lab checks them as a login to that server would; a wrong
// password is SESSION_AUTHENTICATION_FAILED, said in plain words.
import * as Dialog from '@radix-ui/react-dialog';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isXenApiError } from '../../xapi/errors';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD_ERROR, FOOTER, INPUT, LABEL, OVERLAY, PANEL } from '../dialogs/dialog-styles';
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
  const ready = address.trim() !== '' && user.trim() !== '';
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
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} w-[min(26rem,calc(100vw-2rem))]`}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (ready && !busy) void add();
            }}
          >
            <Dialog.Title className="px-5 pt-4 text-base font-semibold">Add New Server</Dialog.Title>
            <Dialog.Description className="px-5 text-slate-700">Enter the server&apos;s address and your credentials.</Dialog.Description>
            <div className="space-y-2 px-5 py-3">
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
            </div>
            <div className={FOOTER}>
              <button type="submit" className={BUTTON_PRIMARY} aria-disabled={!ready || busy}>
                Add
              </button>
              <Dialog.Close className={BUTTON_SECONDARY}>Cancel</Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
