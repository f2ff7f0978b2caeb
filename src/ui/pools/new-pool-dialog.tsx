// Pool ▸ New Pool… (XenCenter's NewPoolDialog): name, description, the
// coordinator (a connected server standing alone) and the servers to join,
// each other connected server listed, those that cannot join disabled with
// the reason. Create Pool names the coordinator's one-server pool and runs
// pool.join on each member's own session with the coordinator's address and
// the credentials the console holds; xapi's refusal, if any, is shown per
// server with its code and what it means.
import * as Dialog from '@radix-ui/react-dialog';
import { useCallback, useId, useState } from 'react';
import { describeError } from '../../xapi/error-descriptions';
import { isXenApiError } from '../../xapi/errors';
import type { ObjectCache } from '../cache/object-cache';
import { useCacheSelector } from '../cache/use-cache';
import { useConnections, type Connection } from '../connections/connections';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD_ERROR, FOOTER, INPUT, LABEL, OVERLAY, PANEL } from '../dialogs/dialog-styles';
import { NameField } from '../dialogs/form-dialog';
import { useLab } from '../lab/lab-context';
import { coordinatorChoices, joinCandidates, type JoinCandidate } from './pool-join-checks';

interface Choices {
  readonly coordinators: readonly { readonly host: string; readonly name: string }[];
  readonly candidates: readonly JoinCandidate[];
}

const NO_CONNECTIONS: readonly Connection[] = [];

function failureText(e: unknown): string {
  if (!isXenApiError(e)) return String(e);
  const params = e.params.filter((p) => p !== '');
  return `${describeError(e.code) ?? 'The server refused.'} (${e.code}${params.length > 0 ? `: ${params.join(', ')}` : ''})`;
}

type Outcome = { readonly state: 'joining' | 'joined' } | { readonly state: 'failed'; readonly error: string };

function outcomeText(name: string, outcome: Outcome): string {
  if (outcome.state === 'failed') return `${name} could not join: ${outcome.error}`;
  return outcome.state === 'joining' ? `Joining ${name}…` : `${name} joined the pool.`;
}

export function NewPoolDialog({ onClose }: { onClose: () => void }) {
  const lab = useLab();
  const id = useId();
  const connections = useConnections((s) => s.connections) ?? NO_CONNECTIONS;
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [members, setMembers] = useState<ReadonlySet<string>>(() => new Set());
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, Outcome>>(() => new Map());
  const [failure, setFailure] = useState<string | undefined>(undefined);

  const select = useCallback(
    (cache: ObjectCache): Choices => {
      const coordinators = coordinatorChoices(connections, cache).map((host) => ({ host, name: cache.get('host', host)?.name_label ?? host }));
      const coordinator = chosen ?? coordinators[0]?.host;
      return { coordinators, candidates: coordinator === undefined ? [] : joinCandidates(coordinator, connections, cache) };
    },
    [connections, chosen],
  );
  const live = useCacheSelector(select, (a, b) => JSON.stringify(a) === JSON.stringify(b));
  // Once Create Pool is pressed the lists stay as they were: naming the pool and each join change them.
  const [snapshot, setSnapshot] = useState<Choices | undefined>(undefined);
  const choices = snapshot ?? live;
  const coordinator = chosen ?? choices.coordinators[0]?.host;
  const picked = choices.candidates.filter((c) => members.has(c.host) && c.reason === undefined && outcomes.get(c.host)?.state !== 'joined');
  const nameError = name.trim() === '' ? 'Enter a name for the new pool.' : undefined;
  const coordinatorError = coordinator === undefined ? 'No connected server stands alone: add a server first (File ▸ Add Server…).' : undefined;
  const valid = nameError === undefined && coordinatorError === undefined;

  const create = async () => {
    if (coordinator === undefined) return;
    setSnapshot(choices);
    setChosen(coordinator);
    setBusy(true);
    setFailure(undefined);
    try {
      const pool = connections.find((c) => c.hosts.includes(coordinator))?.pool ?? '';
      await lab.client.call('pool.set_name_label', pool, name.trim());
      await lab.client.call('pool.set_name_description', pool, description.trim());
      const address = lab.cache.get('host', coordinator)?.address ?? '';
      const password = await lab.client.call<string>('Simulator.console_password', coordinator);
      let failed = false;
      for (const m of picked) {
        setOutcomes((o) => new Map(o).set(m.host, { state: 'joining' }));
        try {
          // pool.join runs on the joining server: its own session, the coordinator's address and credentials.
          const session = await lab.client.call<string>('Simulator.server_session', m.host);
          const task = await lab.client.request<string>('Async.pool.join', [session, address, 'root', password]);
          await lab.client.waitForTask(task);
          setOutcomes((o) => new Map(o).set(m.host, { state: 'joined' }));
        } catch (e) {
          failed = true;
          setOutcomes((o) => new Map(o).set(m.host, { state: 'failed', error: failureText(e) }));
        }
      }
      if (!failed) onClose();
    } catch (e) {
      setFailure(failureText(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (host: string, on: boolean) =>
    setMembers((set) => {
      const next = new Set(set);
      if (on) next.add(host);
      else next.delete(host);
      return next;
    });

  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={OVERLAY} />
        <Dialog.Content className={`${PANEL} w-[min(34rem,calc(100vw-2rem))]`}>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setTouched(true);
              if (valid && !busy) void create();
            }}
          >
            <Dialog.Title className="px-5 pt-4 text-base font-semibold">Create New Pool</Dialog.Title>
            <Dialog.Description className="px-5 text-slate-700">
              A pool shares storage and networks among its servers, and lets VMs move between them. Choose a coordinator and the servers to join it.
            </Dialog.Description>
            <div className="space-y-3 px-5 py-3">
              <NameField id={`${id}-name`} value={name} error={touched ? nameError : undefined} autoFocus onChange={setName} onBlur={() => setTouched(true)} />
              <div>
                <label htmlFor={`${id}-description`} className={LABEL}>
                  Description
                </label>
                <input id={`${id}-description`} className={`${INPUT} mt-1`} value={description} onChange={(e) => setDescription(e.target.value)} />
              </div>
              <div>
                <label htmlFor={`${id}-coordinator`} className={LABEL}>
                  Coordinator
                </label>
                <select
                  id={`${id}-coordinator`}
                  className={`${INPUT} mt-1`}
                  value={coordinator ?? ''}
                  disabled={choices.coordinators.length === 0 || snapshot !== undefined}
                  onChange={(e) => {
                    setChosen(e.target.value);
                    setMembers(new Set());
                  }}
                >
                  {choices.coordinators.map((c) => (
                    <option key={c.host} value={c.host}>
                      {c.name}
                    </option>
                  ))}
                </select>
                {coordinatorError !== undefined && <p className={FIELD_ERROR}>{coordinatorError}</p>}
              </div>
              <fieldset>
                <legend className={LABEL}>Additional members</legend>
                {choices.candidates.length === 0 ? (
                  <p className="mt-1 text-xs text-slate-600">No other connected server. A pool of one server can take members later.</p>
                ) : (
                  <ul className="mt-1 max-h-56 space-y-1 overflow-auto rounded-sm border border-slate-300 bg-white p-2">
                    {choices.candidates.map((c) => {
                      const outcome = outcomes.get(c.host);
                      return (
                        <li key={c.host}>
                          <label className={`flex items-start gap-2 ${c.reason === undefined ? '' : 'text-slate-500'}`}>
                            <input
                              type="checkbox"
                              className="mt-0.5"
                              checked={members.has(c.host) && c.reason === undefined}
                              disabled={c.reason !== undefined || busy}
                              aria-describedby={c.reason === undefined ? undefined : `${id}-${c.host}-why`}
                              onChange={(e) => toggle(c.host, e.target.checked)}
                            />
                            <span>
                              {c.name}
                              {c.reason !== undefined && (
                                <span id={`${id}-${c.host}-why`} className="block text-xs">
                                  {c.reason}
                                </span>
                              )}
                            </span>
                          </label>
                          {outcome !== undefined && (
                            <p role={outcome.state === 'failed' ? 'alert' : 'status'} className={outcome.state === 'failed' ? `${FIELD_ERROR} ml-6` : 'ml-6 text-xs text-slate-700'}>
                              {outcomeText(c.name, outcome)}
                            </p>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </fieldset>
              <p className="text-xs text-slate-600">Licensing: members take the pool&apos;s edition. The coordinator&apos;s root password becomes every member&apos;s.</p>
              {failure !== undefined && (
                <p role="alert" className={FIELD_ERROR}>
                  The pool was not created: {failure}
                </p>
              )}
            </div>
            <div className={FOOTER}>
              {busy && <span className="mr-auto text-xs text-slate-600">Creating the pool…</span>}
              <button type="submit" className={BUTTON_PRIMARY} aria-disabled={!valid || busy || undefined}>
                Create Pool
              </button>
              <Dialog.Close className={BUTTON_SECONDARY} disabled={busy}>
                Cancel
              </Dialog.Close>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
