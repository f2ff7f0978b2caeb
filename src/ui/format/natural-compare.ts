// Names as people (and XenCenter) sort them: case-insensitive, numbers by
// value, so "xenserver-2" comes before "xenserver-10".
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}
