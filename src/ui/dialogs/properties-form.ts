// The Properties dialog's rules, pure: what each field accepts (checked as
// the user types) and which XenAPI calls turn the record into the form's
// values — set_name_label, set_name_description, add_tags / remove_tags, and
// other_config.folder (XenCenter keeps an object's folder there, as a path
// such as "/Production/Web").
import type { ClassName } from '../../xapi/datamodel/classes';

export const MAX_NAME = 255;
export const MAX_TAG = 255;

export interface PropertiesForm {
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly folder: string;
}

/** The fields the dialog edits, as the record has them. */
export interface EditableRecord {
  readonly name_label: string;
  readonly name_description: string;
  readonly tags: readonly string[];
  readonly other_config: { readonly [key: string]: string };
}

export function formFromRecord(r: EditableRecord): PropertiesForm {
  return { name: r.name_label, description: r.name_description, tags: [...r.tags], folder: r.other_config['folder'] ?? '' };
}

export function nameError(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a name.';
  if (name.length > MAX_NAME) return `A name can be at most ${String(MAX_NAME)} characters long (this one has ${String(name.length)}).`;
  return undefined;
}

export function folderError(folder: string): string | undefined {
  if (folder === '') return undefined;
  if (!folder.startsWith('/')) return 'A folder is a path that starts with "/", for example /Production/Web.';
  if (folder === '/') return 'Give the folder a name after the "/", or leave the field empty for no folder.';
  if (folder.endsWith('/')) return 'Remove the "/" at the end of the path.';
  if (folder.includes('//')) return 'Each folder in the path needs a name (there is an empty one between two "/").';
  return undefined;
}

/** Why the tag being typed cannot be added yet (undefined when it can, or when nothing is typed). */
export function tagError(draft: string, tags: readonly string[]): string | undefined {
  const tag = draft.trim();
  if (tag === '') return undefined;
  if (tag.length > MAX_TAG) return `A tag can be at most ${String(MAX_TAG)} characters long.`;
  if (tags.includes(tag)) return `This object already has the tag "${tag}".`;
  return undefined;
}

export function formErrors(form: PropertiesForm): { name?: string; folder?: string } {
  const name = nameError(form.name);
  const folder = folderError(form.folder);
  return { ...(name !== undefined ? { name } : {}), ...(folder !== undefined ? { folder } : {}) };
}

export interface PlannedCall {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** The calls that make `record` match `form`, in a safe order (each one undoable on its own). */
export function planChanges(cls: ClassName, ref: string, record: EditableRecord, form: PropertiesForm): PlannedCall[] {
  const calls: PlannedCall[] = [];
  const name = form.name.trim();
  if (name !== record.name_label) calls.push({ method: `${cls}.set_name_label`, args: [ref, name] });
  if (form.description !== record.name_description) calls.push({ method: `${cls}.set_name_description`, args: [ref, form.description] });
  for (const tag of record.tags) if (!form.tags.includes(tag)) calls.push({ method: `${cls}.remove_tags`, args: [ref, tag] });
  for (const tag of form.tags) if (!record.tags.includes(tag)) calls.push({ method: `${cls}.add_tags`, args: [ref, tag] });
  const oldFolder = record.other_config['folder'];
  const newFolder = form.folder === '' ? undefined : form.folder;
  if (oldFolder !== newFolder) {
    // add_to_other_config refuses an existing key (MAP_DUPLICATE_KEY): remove the old path first.
    if (oldFolder !== undefined) calls.push({ method: `${cls}.remove_from_other_config`, args: [ref, 'folder'] });
    if (newFolder !== undefined) calls.push({ method: `${cls}.add_to_other_config`, args: [ref, 'folder', newFolder] });
  }
  return calls;
}
