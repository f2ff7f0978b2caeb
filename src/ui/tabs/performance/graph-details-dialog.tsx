// XenCenter's Graph Details dialog (New Graph… / Edit Graph…): a name and
// the data sources to draw, chosen from everything the object reports
// (VM.get_data_sources / host.get_data_sources), grouped by XenCenter's
// categories. A source the pool does not record yet is recorded when the
// graph is saved (record_data_source), as XenCenter's
// SaveDataSourceStateAction does. Save stays disabled until the graph has a
// name and at least one source.
import { useId, useState, type FormEvent } from 'react';
import { FIELD_ERROR } from '../../dialogs/dialog-styles';
import { FormFailure, FormFooter, FormFrame, FormHeader } from '../../dialogs/form-frame';
import { NameField } from '../../dialogs/form-dialog';
import { CATEGORIES, categoryOf, friendlyName, type NameContext } from './data-source-words';
import type { DesignedGraph } from './graph-layout';
import { useDataSources, type DataSourceRecord } from './performance-queries';
import type { RrdObjectKind } from './rrd-series';

export interface GraphDetailsResult {
  readonly graph: DesignedGraph;
  /** Chosen sources the pool does not record yet. */
  readonly toRecord: readonly string[];
}

export interface GraphDetailsProps {
  readonly kind: RrdObjectKind;
  readonly objectRef: string;
  /** Undefined: a new graph. */
  readonly graph: DesignedGraph | undefined;
  readonly names: NameContext;
  readonly saving: boolean;
  readonly error: string | undefined;
  onSave(result: GraphDetailsResult): void;
  onClose(): void;
}

export function graphDetailsErrors(name: string, sources: ReadonlySet<string>): { name?: string; sources?: string } {
  return {
    ...(name.trim() === '' ? { name: 'Enter a name for the graph.' } : {}),
    ...(sources.size === 0 ? { sources: 'Select at least one data source.' } : {}),
  };
}

export function GraphDetailsDialog({ kind, objectRef, graph, names, saving, error, onSave, onClose }: GraphDetailsProps) {
  const id = useId();
  const dataSources = useDataSources(kind, objectRef);
  const [name, setName] = useState(graph?.name ?? '');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(graph?.sources ?? []));
  const errors = graphDetailsErrors(name, chosen);
  const valid = errors.name === undefined && errors.sources === undefined;
  const title = graph === undefined ? 'New Graph' : `Edit '${graph.name}'`;
  const records = dataSources.data ?? [];

  const toggle = (source: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (!next.delete(source)) next.add(source);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid || saving) return;
    // Keep the order the graph had; new sources in the order they are listed.
    const listed = records.map((r) => r.name_label);
    const kept = (graph?.sources ?? []).filter((s) => chosen.has(s));
    const added = listed.filter((s) => chosen.has(s) && !kept.includes(s));
    const sources = [...kept, ...added];
    const toRecord = records.filter((r) => chosen.has(r.name_label) && !r.enabled).map((r) => r.name_label);
    onSave({ graph: { name: name.trim(), sources }, toRecord });
  };

  return (
    <FormFrame width="w-[min(36rem,calc(100vw-2rem))]" describedBy={`${id}-intro`} onSubmit={submit} onClose={onClose}>
      <FormHeader title={title} subtitle={{ id: `${id}-intro`, text: 'Specify a name for the graph and select the data sources you want to include in it.' }} />
      <div className="flex min-h-0 flex-col gap-3 overflow-y-auto px-5 py-4">
        <NameField id={`${id}-name`} value={name} error={errors.name} required onChange={setName} />
        <SourceList records={records} loading={dataSources.isPending} failed={dataSources.isError} chosen={chosen} names={names} onToggle={toggle} />
        {errors.sources !== undefined && records.length > 0 && (
          <p role="status" className={FIELD_ERROR}>
            {errors.sources}
          </p>
        )}
      </div>
      {error !== undefined && <FormFailure>The graph was not saved. {error}</FormFailure>}
      <FormFooter submitLabel="Save" disabled={!valid || saving} status={saving ? 'Saving…' : undefined} />
    </FormFrame>
  );
}

function SourceList({
  records,
  loading,
  failed,
  chosen,
  names,
  onToggle,
}: {
  records: readonly DataSourceRecord[];
  loading: boolean;
  failed: boolean;
  chosen: ReadonlySet<string>;
  names: NameContext;
  onToggle: (source: string) => void;
}) {
  if (loading) return <p className="text-[13px] text-slate-600">Retrieving data sources...</p>;
  if (failed) return <p role="alert" className="text-[13px] text-red-800">The data sources could not be read.</p>;
  const groups = CATEGORIES.map((category) => ({ category, items: records.filter((r) => categoryOf(r.name_label) === category) })).filter((g) => g.items.length > 0);
  return (
    <div className="max-h-80 overflow-y-auto rounded-sm border border-slate-300">
      {groups.map(({ category, items }) => (
        <fieldset key={category} className="border-b border-slate-200 px-3 py-2 last:border-b-0">
          <legend className="float-left mb-1 w-full text-xs font-semibold text-slate-700">{category}</legend>
          <ul className="clear-both m-0 grid list-none grid-cols-2 gap-x-4 gap-y-0.5 p-0 text-[13px]">
            {items.map((r) => (
              <li key={r.name_label}>
                <label className="flex cursor-pointer items-center gap-1.5" title={r.name_description}>
                  <input type="checkbox" checked={chosen.has(r.name_label)} onChange={() => onToggle(r.name_label)} className="accent-blue-700" />
                  <span className="truncate">{friendlyName(r.name_label, names)}</span>
                  {!r.enabled && <span className="text-xs text-slate-500">(not recorded)</span>}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}
