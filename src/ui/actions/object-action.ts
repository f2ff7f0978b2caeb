// Actions on selected objects, built from a per-object check: with several
// objects selected the action is enabled when at least one can do it, runs on
// those that can and reports the rest by name with their reasons (XenCenter's
// Command.CanRun / GetCantRunReasons).
import type { Shortcut } from '../keyboard/shortcuts';
import { OK, no, type Action, type ActionContext, type CacheReader, type CanRun } from './action-types';
import type { IconName } from './icons';
import { reportSkipped } from './report';
import { KIND_NOUNS, selectedTargets, type Target, type TargetKind } from './targets';

export interface Skipped {
  readonly target: Target;
  readonly reason: string;
}

export interface ObjectActionSpec {
  readonly id: string;
  readonly label: string;
  readonly toolbarLabel?: string;
  readonly icon?: IconName;
  readonly shortcut?: Shortcut;
  readonly description?: string;
  /** The kinds of object the action is for; a selection with any other kind disables it. */
  readonly kinds: readonly TargetKind[];
  /** Why it is disabled when nothing suitable is selected ("Select a VM to start."). */
  readonly emptyReason: string;
  /** One object at a time (Properties). */
  readonly single?: boolean;
  check(target: Target, cache: CacheReader): CanRun;
  perform(context: ActionContext, runnable: readonly Target[]): void;
}

export interface ObjectAction extends Action {
  readonly kinds: readonly TargetKind[];
  /** Split the selection into what can run and what is skipped (and why). */
  partition(selection: readonly string[], cache: CacheReader): { runnable: Target[]; skipped: Skipped[] };
}

const MAX_NAMED = 3;

/** One sentence for several refusals: the shared reason, or each object's by name. */
export function combineReasons(skipped: readonly Skipped[]): string {
  const reasons = new Set(skipped.map((s) => s.reason));
  if (reasons.size === 1) return skipped[0]?.reason ?? '';
  const named = skipped.slice(0, MAX_NAMED).map((s) => `${s.target.name}: ${s.reason}`);
  const more = skipped.length - MAX_NAMED;
  return more > 0 ? `${named.join(' ')} (and ${String(more)} more)` : named.join(' ');
}

function selectionCheck(spec: ObjectActionSpec, selection: readonly string[], cache: CacheReader): { targets: Target[]; refusal?: string } {
  const targets = selectedTargets(selection, cache);
  if (targets.length === 0) return { targets, refusal: spec.emptyReason };
  const foreign = targets.find((t) => !spec.kinds.includes(t.kind));
  if (foreign !== undefined) {
    const plural = KIND_NOUNS[spec.kinds[0] ?? 'other'][1];
    return { targets, refusal: targets.length === 1 ? spec.emptyReason : `The selection includes objects other than ${plural}.` };
  }
  if (spec.single === true && targets.length > 1) return { targets, refusal: 'Select a single object.' };
  return { targets };
}

export function objectAction(spec: ObjectActionSpec): ObjectAction {
  const partition = (selection: readonly string[], cache: CacheReader) => {
    const { targets, refusal } = selectionCheck(spec, selection, cache);
    const runnable: Target[] = [];
    const skipped: Skipped[] = [];
    if (refusal !== undefined) return { runnable, skipped };
    for (const t of targets) {
      const result = spec.check(t, cache);
      if (result.ok) runnable.push(t);
      else skipped.push({ target: t, reason: result.reason });
    }
    return { runnable, skipped };
  };
  return {
    id: spec.id,
    label: spec.label,
    ...(spec.toolbarLabel !== undefined ? { toolbarLabel: spec.toolbarLabel } : {}),
    ...(spec.icon !== undefined ? { icon: spec.icon } : {}),
    ...(spec.shortcut !== undefined ? { shortcut: spec.shortcut } : {}),
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    kinds: spec.kinds,
    partition,
    appliesTo(selection, cache) {
      const targets = selectedTargets(selection, cache);
      return targets.length > 0 && targets.every((t) => spec.kinds.includes(t.kind));
    },
    canRun(selection, cache) {
      const { refusal } = selectionCheck(spec, selection, cache);
      if (refusal !== undefined) return no(refusal);
      const { runnable, skipped } = partition(selection, cache);
      return runnable.length > 0 ? OK : no(combineReasons(skipped));
    },
    run(context) {
      const { runnable, skipped } = partition(context.selection, context.cache);
      if (skipped.length > 0) reportSkipped(spec.label, skipped, runnable.length);
      if (runnable.length > 0) spec.perform(context, runnable);
    },
  };
}
