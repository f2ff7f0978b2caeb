// Being built: see the console section.
export function NavigationPane() {
  return null;
}
