// Asks before one of the confirm-ops (detach/forget/destroy an SR, detach or
// delete a disk, remove a network interface or a network) and runs it on Yes.
import { CONFIRM_OPS, confirmTarget, type ConfirmOpId } from '../actions/confirm-ops';
import { useMakeActionContext } from '../actions/use-actions';
import { ConfirmDialog } from './confirm-dialog';

export function ConfirmOpDialog({ op, objectRef, onClose }: { op: ConfirmOpId; objectRef: string; onClose: () => void }) {
  const makeContext = useMakeActionContext();
  const words = CONFIRM_OPS[op];
  const context = makeContext([objectRef]);
  const target = confirmTarget(objectRef, context);
  if (target === undefined) return null;
  return <ConfirmDialog title={words.title} text={words.text(target.name)} button={words.button} onConfirm={() => void words.run(makeContext([objectRef]), target)} onClose={onClose} />;
}
