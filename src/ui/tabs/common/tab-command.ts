// A button of a tab's command bar: a pure check of the cache (for the tab's
// object and the selected row), with the reason it cannot run, and what it does.
import type { ActionContext, CacheReader, CanRun } from '../../actions/action-types';

export interface TabCommand {
  readonly id: string;
  readonly label: string;
  /** `owner` is the tab's object (a VM, an SR, a host …); `row` the selected row's ref, if any. */
  check(cache: CacheReader, owner: string, row: string | undefined): CanRun;
  run(context: ActionContext, owner: string, row: string): void;
}
