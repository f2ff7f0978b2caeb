// Being built: see the console section.
export function MenuBar() {
  return null;
}
