// The file name of an XVA export: suggested from the object's name, checked
// as the Export wizard checks it (a name, no folder separators, ".xva").

const UNSAFE = /[\\/:*?"<>|]/g;

/** "<name>.xva", with characters no file system takes replaced. */
export function suggestedExportFile(name: string): string {
  const base = name.replace(UNSAFE, '_').trim() || 'export';
  return `${base}.xva`;
}

/** Why `file` cannot be the export's file name, or undefined. */
export function exportFileError(file: string): string | undefined {
  const f = file.trim();
  if (f === '' || f === '.xva') return 'Enter a file name.';
  if (/[\\/:*?"<>|]/.test(f)) return 'A file name cannot contain \\ / : * ? " < > or |.';
  if (!f.toLowerCase().endsWith('.xva')) return 'The file name must end in .xva.';
  return undefined;
}
