// One tab page's content for the focused object.
import { memo } from 'react';
import { GeneralTab } from './general/general-tab';
import { GpuTab } from './gpu/gpu-tab';
import { HaTab } from './ha/ha-tab';
import { HomeTab } from './home/home-tab';
import { MemoryTab } from './memory/memory-tab';
import { MigrationTab } from './migration/migration-tab';
import { NetworkingTab } from './networking/networking-tab';
import { NicsTab } from './networking/nics-tab';
import { PerformanceTab } from './performance/performance-tab';
import type { FocusedObject } from './object-kind';
import { SearchTab } from './search/search-tab';
import { SnapshotsTab } from './snapshots/snapshots-tab';
import { StorageTab } from './storage/storage-tab';
import type { TabId } from './tab-pages';
import { WlbTab } from './wlb/wlb-tab';

/** Memoized: the console re-renders around it (header, tab strip) without touching the page. */
export const TabPage = memo(function TabPage({ tab, focus }: { tab: TabId; focus: FocusedObject }) {
  switch (tab) {
    case 'home':
      return <HomeTab />;
    case 'general':
      return <GeneralTab focus={focus} />;
    case 'memory':
      return <MemoryTab focus={focus} />;
    case 'storage':
      return <StorageTab focus={focus} />;
    case 'networking':
      return <NetworkingTab focus={focus} />;
    case 'nics':
      return <NicsTab hostRef={focus.ref ?? ''} />;
    case 'gpu':
      return <GpuTab focus={focus} />;
    case 'performance':
      return <PerformanceTab objectRef={focus.ref ?? ''} />;
    case 'ha':
      return <HaTab poolRef={focus.ref ?? ''} />;
    case 'wlb':
      return <WlbTab poolRef={focus.ref ?? ''} />;
    case 'snapshots':
      return <SnapshotsTab vmRef={focus.ref ?? ''} />;
    case 'migration':
      return <MigrationTab vmRef={focus.ref ?? ''} />;
    case 'search':
      return <SearchTab focus={focus} />;
  }
});
