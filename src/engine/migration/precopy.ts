// Xen's live-migration pre-copy, as migration v2 does it
// (xen tools/libs/guest/xg_sr_save.c: send_memory_live, simple_precopy_policy,
// suspend_and_send_dirty):
//  - round 1 sends every page (the dirty bitmap starts all set);
//  - after each round the log-dirty bitmap is read and cleared: the pages
//    dirtied during that round are the next round's;
//  - the policy stops pre-copy when fewer than SPP_TARGET_DIRTY_COUNT (50)
//    pages are dirty, or once SPP_MAX_ITERATIONS (5) rounds have been sent;
//  - then the domain is suspended and the last dirty set is sent with the
//    guest paused (stop-and-copy): that copy is most of the downtime.
//
// Downtime = suspend + last copy + activation on the target. The two fixed
// parts come from Clark et al., NSDI 2005 (figures 10 and 12 of the paper):
//  - suspend: the Quake 3 case spent 20 ms on a final round of 148 KB, which
//    takes ~1 ms on the wire, so ~19 ms is the suspend handshake and log-dirty
//    read-back that any stop-and-copy pays;
//  - activation: the paper measured 9 ms (SPECweb99) and 40 ms (Quake 3) of
//    start-up after the last copy; we take their mean, 25 ms.
export const PAGE_SIZE = 4096;
export const MAX_ITERATIONS = 5;
export const TARGET_DIRTY_COUNT = 50;
export const SUSPEND_SECONDS = 0.019;
export const ACTIVATION_SECONDS = 0.025;
/**
 * Share of a link's bit rate a TCP stream carries as payload: 1448 bytes of
 * payload per 1538 bytes on the wire with a 1500-byte MTU (Ethernet preamble,
 * header, FCS, inter-frame gap; IP and TCP headers with timestamps).
 */
export const TCP_PAYLOAD_EFFICIENCY = 1448 / 1538;

export interface Round {
  /** Pages sent in this round. */
  readonly pages: number;
  /** Pages the guest dirtied while this round was sent. */
  readonly dirtied: number;
  readonly seconds: number;
}

/** simple_precopy_policy: go to stop-and-copy after round `iteration` left `dirty` pages? */
export function stopAndCopy(iteration: number, dirty: number): boolean {
  return dirty < TARGET_DIRTY_COUNT || iteration >= MAX_ITERATIONS;
}

export function copySeconds(pages: number, bytesPerSec: number): number {
  return (pages * PAGE_SIZE) / bytesPerSec;
}

/** Downtime of a stop-and-copy of `pages`: suspend, last copy, activation. */
export function downtimeSeconds(pages: number, bytesPerSec: number): number {
  return SUSPEND_SECONDS + copySeconds(pages, bytesPerSec) + ACTIVATION_SECONDS;
}

export interface PrecopyPlan {
  readonly rounds: readonly Round[];
  /** Pages sent with the guest paused. */
  readonly finalPages: number;
  readonly downtime: number;
  /** Seconds from the first page to activation. */
  readonly seconds: number;
  readonly bytes: number;
}

/**
 * The whole pre-copy at a constant bandwidth, `dirtied(seconds)` giving the
 * pages dirtied during a round of that length. (The engine runs the same
 * steps one round at a time, re-reading the bandwidth before each.)
 */
export function planPrecopy(totalPages: number, bytesPerSec: number, dirtied: (seconds: number) => number): PrecopyPlan {
  const rounds: Round[] = [];
  let pages = totalPages;
  for (;;) {
    const seconds = copySeconds(pages, bytesPerSec);
    const d = dirtied(seconds);
    rounds.push({ pages, dirtied: d, seconds });
    if (stopAndCopy(rounds.length, d)) break;
    pages = d;
  }
  const finalPages = rounds[rounds.length - 1]?.dirtied ?? 0;
  const downtime = downtimeSeconds(finalPages, bytesPerSec);
  const sent = rounds.reduce((s, r) => s + r.pages, 0) + finalPages;
  return {
    rounds,
    finalPages,
    downtime,
    seconds: rounds.reduce((s, r) => s + r.seconds, 0) + downtime,
    bytes: sent * PAGE_SIZE,
  };
}
