// A group chosen in the tree (a type such as "VMs", a tag, a folder, or the
// Objects/Tags/Folders root): as in XenCenter, the tabs are the Search of the
// objects under it, headed by the group's name and how many objects it holds.
import * as Tabs from '@radix-ui/react-tabs';
import type { ChosenGroup } from '../state/ui-store';
import { ROOT } from './object-kind';
import { SearchTab } from './search/search-tab';
import { TAB_LIST, TAB_PANEL, TAB_TRIGGER } from './tab-styles';

export function GroupView({ group }: { group: ChosenGroup }) {
  const count = group.refs.length;
  return (
    <div className="flex min-h-0 flex-1 flex-col bg-white">
      <div className="shrink-0 border-b border-slate-300 bg-gradient-to-b from-white to-slate-100 px-3 py-2">
        <h2 className="m-0 truncate text-base leading-tight font-semibold text-slate-900">{group.label}</h2>
        <p className="m-0 truncate text-xs text-slate-600">{`${String(count)} object${count === 1 ? '' : 's'}`}</p>
      </div>
      <Tabs.Root value="search" className="flex min-h-0 flex-1 flex-col">
        <Tabs.List aria-label="Tab pages" className={TAB_LIST}>
          <Tabs.Trigger value="search" className={TAB_TRIGGER}>
            Search
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="search" className={TAB_PANEL}>
          <SearchTab focus={ROOT} group={group} />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
