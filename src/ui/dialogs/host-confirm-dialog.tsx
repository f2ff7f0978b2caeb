// The question XenCenter asks before Remove Server from Pool, Reboot and Shut
// Down of a server. Ejecting wipes the server: it reboots as a new standalone
// server and whatever its local storage held (VMs and their disks) is lost.
// Before a reboot or shutdown the VMs running there are shut down: named here.
import { guestsToShutDown, runHostOp, type HostConfirmOp } from '../actions/host-pool-actions';
import { useMakeActionContext } from '../actions/use-actions';
import { useLab } from '../lab/lab-context';
import { ConfirmDialog } from './confirm-dialog';

const WORDS: Readonly<Record<HostConfirmOp, { title: string; button: string; text: (name: string, guests: readonly string[]) => string }>> = {
  eject: {
    title: 'Remove Server from Pool',
    button: 'Remove',
    text: (name) =>
      `Remove ‘${name}’ from the pool? The server will be rebooted and reset: all VMs and data on its local storage will be lost and cannot be recovered. It comes back as a standalone server that you can add again with Add Server.`,
  },
  reboot: {
    title: 'Reboot Server',
    button: 'Reboot',
    text: (name, guests) => `Reboot ‘${name}’? It is disabled first, so no VM starts on it meanwhile, and it is unavailable until it has restarted.${guestWords(guests)}`,
  },
  shutdown: {
    title: 'Shut Down Server',
    button: 'Shut Down',
    text: (name, guests) => `Shut down ‘${name}’? It is disabled first and stays off until it is powered on again.${guestWords(guests)}`,
  },
};

/** XenCenter: "all VMs running on it will be shut down" — here by name. */
function guestWords(guests: readonly string[]): string {
  if (guests.length === 0) return '';
  const them = guests.length === 1 ? `The VM running on it, ${guests[0] ?? ''}, is` : `The ${String(guests.length)} VMs running on it (${guests.join(', ')}) are`;
  return ` ${them} shut down first; migrate ${guests.length === 1 ? 'it' : 'them'} beforehand to keep ${guests.length === 1 ? 'it' : 'them'} running.`;
}

export function HostConfirmDialog({ hostRef, op, onClose }: { hostRef: string; op: HostConfirmOp; onClose: () => void }) {
  const lab = useLab();
  const makeContext = useMakeActionContext();
  const name = lab.cache.get('host', hostRef)?.name_label ?? hostRef;
  const words = WORDS[op];
  const guests = op === 'eject' ? [] : guestsToShutDown(hostRef, lab.cache).map((g) => g.name);
  const ha = op !== 'eject' && [...lab.cache.all('pool').values()].some((p) => p.ha_enabled);
  const haWords = ha ? ' HA is on: if the pool could not stay protected without this server, the number of server failures it tolerates is lowered first.' : '';
  const confirm = () => void runHostOp(makeContext([hostRef]), { cls: 'host', ref: hostRef, kind: 'host', name }, op);
  return <ConfirmDialog title={words.title} text={`${words.text(name, guests)}${haWords}`} button={words.button} onConfirm={confirm} onClose={onClose} />;
}
