// Tags as removable chips, with a field to add one (Enter or the Add button);
// the pool's existing tags are offered as suggestions (a tag typed but not
// added is added by Save). The tag being typed is
// checked as it is typed, with the message at the field.
import { useId } from 'react';
import type { ObjectCache } from '../cache/object-cache';
import { shallowEqualArrays, useCacheSelector } from '../cache/use-cache';
import { BUTTON_SECONDARY, FIELD_ERROR, INPUT, LABEL } from './dialog-styles';
import { tagError } from './properties-form';

const TAGGED = ['VM', 'host', 'pool', 'SR', 'network', 'VDI'] as const;

// Module-level, so the selector is stable.
function allTags(cache: ObjectCache): string[] {
  const tags = new Set<string>();
  for (const cls of TAGGED) for (const r of cache.all(cls).values()) for (const t of r.tags) tags.add(t);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

export interface TagEditorProps {
  readonly tags: readonly string[];
  /** The tag being typed (kept by the dialog, so Save can include it). */
  readonly draft: string;
  onChange(tags: readonly string[]): void;
  onDraftChange(draft: string): void;
}

export function TagEditor({ tags, draft, onChange, onDraftChange: setDraft }: TagEditorProps) {
  const id = useId();
  const suggestions = useCacheSelector(allTags, shallowEqualArrays);
  const error = tagError(draft, tags);
  const canAdd = draft.trim() !== '' && error === undefined;
  const add = () => {
    if (!canAdd) return;
    onChange([...tags, draft.trim()]);
    setDraft('');
  };
  return (
    <div>
      <label htmlFor={`${id}-input`} className={LABEL}>
        Tags
      </label>
      <ul aria-label="Tags" className="mt-1 flex min-h-7 flex-wrap gap-1">
        {tags.length === 0 && <li className="py-1 text-xs text-slate-500">No tags</li>}
        {tags.map((tag) => (
          <li key={tag} className="flex items-center gap-1 rounded-full border border-slate-300 bg-slate-100 py-0.5 pr-1 pl-2 text-xs">
            <span className="max-w-48 truncate" title={tag}>
              {tag}
            </span>
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              className="rounded-full px-1 leading-none text-slate-600 hover:bg-slate-300 focus-visible:outline-2 focus-visible:outline-blue-600"
              onClick={() => onChange(tags.filter((t) => t !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="mt-1 flex gap-2">
        <input
          id={`${id}-input`}
          className={INPUT}
          value={draft}
          list={`${id}-suggestions`}
          placeholder="New tag"
          aria-invalid={error !== undefined || undefined}
          aria-describedby={error !== undefined ? `${id}-error` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the tag instead of submitting the dialog.
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className={BUTTON_SECONDARY} aria-disabled={!canAdd || undefined} onClick={add}>
          Add
        </button>
      </div>
      <datalist id={`${id}-suggestions`}>
        {suggestions
          .filter((s) => !tags.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
      {error !== undefined && (
        <p id={`${id}-error`} className={FIELD_ERROR}>
          {error}
        </p>
      )}
    </div>
  );
}
