// The size of a suspend image as xapi allocates it (xapi_xenops.ml): the
// guest's static_max with 20 % headroom, 5 % for the image format, plus
// 100 MiB for device state, rounded up to whole MiB.
const MiB = 1024 * 1024;

export function suspendImageSize(staticMax: number): number {
  return Math.ceil((staticMax * 1.2 * 1.05 + 100 * MiB) / MiB) * MiB;
}
