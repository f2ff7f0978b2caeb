// Table rows derived from the cache in one selector per table. A row is a
// flat object of strings, numbers and booleans, so "did anything change?" is
// a shallow compare per row and a table re-renders only when a cell would.

export type RowValue = string | number | boolean | undefined;
export type FlatRow = Readonly<Record<string, RowValue>>;

export function sameRow(a: FlatRow, b: FlatRow): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.is(a[k], b[k]));
}

export function sameRows<R extends FlatRow>(a: readonly R[], b: readonly R[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((row, i) => {
    const other = b[i];
    return other !== undefined && sameRow(row, other);
  });
}
