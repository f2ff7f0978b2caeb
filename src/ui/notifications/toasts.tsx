// Being built: see the console section.
export function Toasts() {
  return null;
}
