// The tab strip's look, shared by an object's tabs and a group's Search page.
export const TAB_LIST = 'flex shrink-0 gap-0.5 border-b border-slate-300 bg-slate-100 px-2 pt-1';

export const TAB_TRIGGER =
  '-mb-px rounded-t-sm border border-transparent px-3 py-1 text-[13px] text-slate-700 hover:bg-white/70 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-blue-600 data-[state=active]:border-slate-300 data-[state=active]:border-b-white data-[state=active]:bg-white data-[state=active]:text-slate-900';

export const TAB_PANEL = 'min-h-0 flex-1 overflow-auto bg-white p-3 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-blue-600';

/** A command button on a tab page (Configure HA…, Apply, Settings…). */
export const PAGE_BUTTON =
  'rounded-sm border border-slate-400 bg-gradient-to-b from-white to-slate-100 px-3 py-1 text-[13px] text-slate-900 hover:to-slate-200 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-600 disabled:text-slate-400';
