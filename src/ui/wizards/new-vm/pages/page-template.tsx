// Template: a search box over the templates, grouped by OS family (Custom
// first), each group a labelled group of options in one listbox; arrows move
// the selection, and the chosen template's description shows below.
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import type { ObjectCache } from '../../../cache/object-cache';
import { useCacheSelector } from '../../../cache/use-cache';
import { INPUT_BOX } from '../../../dialogs/dialog-styles';
import { useUi } from '../../../state/ui-store';
import { FieldMessages, describedBy } from '../../common/field-messages';
import { filterTemplates, groupTemplates, templateRows, type TemplateRow } from '../template-list';
import { chooseTemplate } from '../wizard-edits';
import { RUBRIC, type PageProps } from './page-props';

function sameRows(a: readonly TemplateRow[], b: readonly TemplateRow[]): boolean {
  return a.length === b.length && a.every((r, i) => r.ref === b[i]?.ref && r.name === b[i]?.name && r.description === b[i]?.description);
}

export function PageTemplate({ state, issues, update }: PageProps) {
  const showHidden = useUi((s) => s.viewOptions.showHidden);
  // The wizard's first template stays listed when it is a snapshot (New VM from Snapshot).
  const [startedFrom] = useState(state.template);
  const select = useCallback((c: ObjectCache) => templateRows(c, showHidden, startedFrom), [showHidden, startedFrom]);
  const rows = useCacheSelector(select, sameRows);
  const visible = useMemo(() => filterTemplates(rows, state.search), [rows, state.search]);
  const groups = useMemo(() => groupTemplates(visible), [visible]);
  const chosen = rows.find((r) => r.ref === state.template);
  const choose = (ref: string) => update((s) => chooseTemplate(s, ref));

  const onKeyDown = (e: KeyboardEvent) => {
    const i = visible.findIndex((r) => r.ref === state.template);
    const next = e.key === 'ArrowDown' ? visible[Math.min(visible.length - 1, i + 1)] : e.key === 'ArrowUp' ? visible[Math.max(0, i - 1)] : e.key === 'Home' ? visible[0] : e.key === 'End' ? visible[visible.length - 1] : undefined;
    if (next === undefined) return;
    e.preventDefault();
    choose(next.ref);
    document.getElementById(`template-option-${next.ref}`)?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <div className="flex h-full flex-col">
      <p className={RUBRIC}>Select the template for the new VM. Default templates install an operating system; custom templates are copies of VMs you made.</p>
      <input
        type="search"
        aria-label="Search templates"
        placeholder="Search"
        className={`${INPUT_BOX} mb-2 w-64`}
        value={state.search}
        onChange={(e) => {
          const search = e.target.value;
          const first = filterTemplates(rows, search)[0];
          // XenCenter selects the first match as you type, so Next always has a visible template.
          update((s) => (first === undefined || filterTemplates(rows, search).some((r) => r.ref === s.template) ? { ...s, search } : { ...chooseTemplate(s, first.ref), search }));
        }}
      />
      <div
        role="listbox"
        aria-label="Templates"
        tabIndex={0}
        aria-activedescendant={chosen !== undefined && visible.includes(chosen) ? `template-option-${chosen.ref}` : undefined}
        aria-describedby={describedBy('template', issues['template'], false)}
        onKeyDown={onKeyDown}
        className="min-h-40 flex-1 overflow-y-auto rounded-sm border border-slate-300 bg-white outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
      >
        {groups.length === 0 && <p className="px-3 py-2 text-slate-600">No template matches “{state.search}”.</p>}
        {groups.map((g) => (
          <div key={g.family} role="group" aria-labelledby={`template-group-${g.family}`}>
            <div id={`template-group-${g.family}`} className="sticky top-0 border-b border-slate-200 bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">
              {g.name}
            </div>
            {g.rows.map((r) => (
              <div
                key={r.ref}
                id={`template-option-${r.ref}`}
                role="option"
                aria-selected={r.ref === state.template}
                onClick={() => choose(r.ref)}
                className={`cursor-default px-4 py-0.5 text-[13px] ${r.ref === state.template ? 'bg-blue-700 text-white' : 'hover:bg-slate-100'}`}
              >
                {r.name}
              </div>
            ))}
          </div>
        ))}
      </div>
      <FieldMessages id="template" issue={issues['template']} />
      <section aria-label="Template details" className="mt-3 rounded-sm border border-slate-200 bg-slate-50 px-3 py-2">
        <h3 className="text-xs font-semibold text-slate-700">Template details</h3>
        <p className="mt-1 text-[13px] text-slate-800">{chosen === undefined ? 'No template selected.' : chosen.description === '' ? '<no description>' : chosen.description}</p>
      </section>
    </div>
  );
}
