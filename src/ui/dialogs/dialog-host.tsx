// Being built: see the console section.
export function DialogHost() {
  return null;
}
