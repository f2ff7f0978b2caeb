// Being built: see the console section.
export function Toolbar() {
  return null;
}
