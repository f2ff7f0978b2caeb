// Being built: see the console section.
export function ObjectView() {
  return null;
}
