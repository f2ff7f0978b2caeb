// The details beside the snapshot view (XenCenter's Properties group box):
// for one snapshot, when it was taken, its name, size on storage (split into
// its disks, the base copies it keeps and its memory image), mode,
// description and tags, with Properties to edit them; for several, how many
// and their total size.
import { useCallback } from 'react';
import type { ObjectCache } from '../../cache/object-cache';
import { useCacheSelector } from '../../cache/use-cache';
import { formatBytes } from '../../format/bytes';
import { formatDateTime } from '../../format/datetime';
import { snapshotSize, totalSnapshotSize } from './snapshot-size';

interface Details {
  readonly count: number;
  readonly title: string;
  readonly name: string;
  readonly size: string;
  readonly sizeParts: string;
  readonly mode: string;
  readonly description: string;
  readonly tags: string;
}

function details(cache: ObjectCache, refs: readonly string[]): Details | undefined {
  const live = refs.filter((r) => cache.get('VM', r) !== undefined);
  if (live.length === 0) return undefined;
  const [only] = live;
  const snap = live.length === 1 && only !== undefined ? cache.get('VM', only) : undefined;
  if (snap === undefined || only === undefined) {
    return { count: live.length, title: `${String(live.length)} snapshots selected`, name: '', size: formatBytes(totalSnapshotSize(cache, live)), sizeParts: '', mode: '', description: '', tags: '' };
  }
  const s = snapshotSize(cache, only);
  const parts = [`disks ${formatBytes(s.disks)}`, `base copies ${formatBytes(s.baseCopies)}`, ...(s.memory > 0 ? [`memory ${formatBytes(s.memory)}`] : [])];
  return {
    count: 1,
    title: `Snapshot created on ${formatDateTime(snap.snapshot_time)}`,
    name: snap.name_label,
    size: formatBytes(s.total),
    sizeParts: parts.join(', '),
    mode: snap.power_state === 'Suspended' ? 'Disks and memory' : 'Disks only',
    description: snap.name_description === '' ? 'None' : snap.name_description,
    tags: snap.tags.length === 0 ? 'None' : snap.tags.join(', '),
  };
}

const same = (a: Details | undefined, b: Details | undefined) => JSON.stringify(a) === JSON.stringify(b);

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}:</dt>
      <dd className="m-0 break-words">{children}</dd>
    </>
  );
}

export function SnapshotDetails({ refs, properties }: { refs: readonly string[]; properties: React.ReactNode }) {
  const select = useCallback((c: ObjectCache) => details(c, refs), [refs]);
  const d = useCacheSelector(select, same);
  return (
    <section aria-label="Snapshot details" className="flex w-72 shrink-0 flex-col gap-2 rounded-sm border border-slate-300 bg-white p-3 text-[13px]">
      {d === undefined ? (
        <p className="text-slate-500">Select a snapshot to see its details.</p>
      ) : (
        <>
          <h3 className="m-0 text-[13px] font-semibold">{d.title}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1">
            {d.count === 1 && <Field label="Name">{d.name}</Field>}
            <Field label={d.count === 1 ? 'Size' : 'Total size'}>
              {d.size}
              {d.sizeParts !== '' && <span className="block text-[11px] text-slate-500">{d.sizeParts}</span>}
            </Field>
            {d.count === 1 && (
              <>
                <Field label="Mode">{d.mode}</Field>
                <Field label="Description">{d.description}</Field>
                <Field label="Tags">{d.tags}</Field>
              </>
            )}
          </dl>
          {d.count === 1 && <div className="flex justify-end">{properties}</div>}
        </>
      )}
    </section>
  );
}
