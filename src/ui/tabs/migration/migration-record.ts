// What Simulator.get_migration returns (XenLab's simulator namespace, not
// XenAPI): a migration's record with its ping trace, and the words the
// console uses for each of XAPI's phases.
export interface MigrationRound {
  readonly pages: number;
  readonly dirtied: number;
  readonly seconds: number;
  readonly bandwidth: number;
}

export interface MigrationView {
  readonly vm: string;
  readonly source: string;
  readonly destination: string;
  readonly live: boolean;
  readonly status: 'running' | 'success' | 'failure' | 'cancelled';
  readonly phase: string;
  readonly started: number;
  readonly total_pages: number;
  readonly rounds: readonly MigrationRound[];
  readonly final_pages: number;
  readonly bandwidth: number;
  readonly paused_at: number | null;
  readonly resumed_at: number | null;
  readonly downtime_ms: number | null;
  readonly total_seconds: number | null;
  readonly bytes_sent: number;
  readonly mirrors: readonly unknown[];
  readonly error: readonly string[];
  readonly ping: readonly { readonly t: number; readonly ms: number }[];
}

/** XAPI's phases in order, in the console's words. */
export const PHASE_LABELS: readonly (readonly [string, string])[] = [
  ['mirror', 'Mirroring disks to the destination storage'],
  ['metadata', 'Sending the VM metadata'],
  ['squeeze', 'Squeezing memory towards dynamic minimum'],
  ['receiver', 'Creating the receiving domain (memory reserved)'],
  ['memory', 'Copying memory while the VM runs (pre-copy rounds)'],
  ['suspend', 'Suspending the VM; copying the last dirty pages'],
  ['devices', 'Restoring devices on the destination'],
  ['unpause', 'Unpausing the VM on the destination'],
  ['cleanup', 'Destroying the source domain'],
];

export const STATUS_WORDS: Readonly<Record<MigrationView['status'], string>> = {
  running: 'In progress',
  success: 'Completed',
  failure: 'Failed',
  cancelled: 'Cancelled',
};

/** Chart rows: per round pages sent and dirtied, then the paused final copy. */
export function roundRows(m: MigrationView): { name: string; sent: number; dirtied: number }[] {
  const rows = m.rounds.map((r, i) => ({ name: `Round ${String(i + 1)}`, sent: r.pages, dirtied: r.dirtied }));
  if (m.paused_at !== null) rows.push({ name: 'Stop-and-copy', sent: m.final_pages, dirtied: 0 });
  return rows;
}

/** Ping samples for the chart: milliseconds after the start of the trace; lost replies as null (a gap). */
export function pingRows(m: MigrationView): { t: number; rtt: number | null }[] {
  const t0 = m.ping[0]?.t ?? 0;
  return m.ping.map((p) => ({ t: Math.round((p.t - t0) * 1000), rtt: p.ms < 0 ? null : p.ms }));
}
