// Being built: see the console section.
export function StatusBar() {
  return null;
}
