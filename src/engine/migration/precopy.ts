// Xen's live-migration pre-copy, as migration v2 does it. Checked against
// xen-project/xen tools/libs/guest/xg_sr_save.c (send_memory_live,
// simple_precopy_policy, suspend_and_send_dirty):
//  - round 1 sends every page (the dirty bitmap starts all set);
//  - after each round the policy is asked first with the round count alone:
//    `iteration >= SPP_MAX_ITERATIONS` (5) goes straight to stop-and-copy;
//  - otherwise the log-dirty bitmap is read and cleared (the pages dirtied
//    during that round) and the policy asked again: `dirty_count <
//    SPP_TARGET_DIRTY_COUNT` (50) chooses stop-and-copy, but the loop still
//    sends those few pages live before it breaks — so a converging guest
//    ends with one short extra live round;
//  - then suspend_and_send_dirty suspends the domain and sends what was
//    dirtied since the last read with the guest paused: that copy is most
//    of the downtime.
// (The source comment: "proceeds to the stop-and-copy phase ... when there
// are either fewer than 50 dirty pages, or more than 5 precopy rounds have
// completed". The older libxc save loop, xc_domain_save.c, which the paper's
// Xen ran, stopped at DEF_MAX_ITERS 29 rounds, fewer than 50 pages sent in a
// round, or DEF_MAX_FACTOR 3 × the guest's memory sent in all; migration v2
// dropped the ×3 cap and cut the rounds to 5.)
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

/**
 * What send_memory_live does after its round number `iteration`, which left
 * `dirty` pages dirty: another round, one last live round of the (< 50)
 * dirty pages, or stop-and-copy. `wasLastLive`: that round was already the
 * last live one.
 */
export type PrecopyStep = 'next-round' | 'last-live-round' | 'stop-and-copy';
export function precopyStep(iteration: number, dirty: number, wasLastLive = false): PrecopyStep {
  if (wasLastLive || iteration >= MAX_ITERATIONS) return 'stop-and-copy';
  if (dirty < TARGET_DIRTY_COUNT) return dirty > 0 ? 'last-live-round' : 'stop-and-copy';
  return 'next-round';
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
  let lastLive = false;
  for (;;) {
    const seconds = copySeconds(pages, bytesPerSec);
    const d = dirtied(seconds);
    rounds.push({ pages, dirtied: d, seconds });
    const step = precopyStep(rounds.length, d, lastLive);
    if (step === 'stop-and-copy') break;
    lastLive = step === 'last-live-round';
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
