// A guest "ping" probe across a migration: round-trip times of pings sent to
// the VM every few milliseconds from a client on the LAN. Replies stop while
// the guest is paused for the stop-and-copy and resume after the unpause on
// the target (a gap the size of the downtime); during the pre-copy rounds the
// migration stream shares the link, which adds queueing delay. Computed from
// the migration record on demand (deterministic: hashed noise, no state).
import type { Engine } from '../engine';
import { hashKey, unit } from '../metrics/models/noise';
import type { MigrationRecord } from './migration-record';

export interface PingSample {
  /** Virtual time the ping was sent. */
  readonly t: number;
  /** Round-trip time in ms; -1 when no reply came (the guest was not running). */
  readonly ms: number;
}

const MAX_SAMPLES = 400;
const LAN_RTT_MS = 0.25;
const JITTER_MS = 0.15;
const QUEUEING_MS = 0.6; // a saturated 1 Gbit/s link queues a ping behind ~75 KB of migration traffic
const SALT = hashKey(0x9149, 'migration.ping');

export function pingSamples(engine: Engine, record: MigrationRecord): PingSample[] {
  const end = Math.min(engine.now, record.finished ?? engine.now);
  const from = record.paused_at !== null ? Math.max(record.started, record.paused_at - 1) : Math.max(record.started, end - 2);
  const to = record.resumed_at !== null ? Math.min(end, record.resumed_at + 1) : end;
  if (to <= from) return [];
  const interval = Math.max(0.01, (to - from) / MAX_SAMPLES);
  const key = hashKey(engine.config.seed, record.vm);
  const copying = (t: number) => record.phase_started.memory !== undefined && t >= record.phase_started.memory && (record.paused_at === null || t < record.paused_at);
  const samples: PingSample[] = [];
  let afterGap = false;
  for (let i = 0; ; i++) {
    const t = from + i * interval;
    if (t > to) break;
    const down = record.paused_at !== null && t >= record.paused_at && (record.resumed_at === null || t < record.resumed_at);
    if (down) {
      samples.push({ t, ms: -1 });
      afterGap = true;
      continue;
    }
    let ms = LAN_RTT_MS + JITTER_MS * unit(key, SALT, Math.round(t * 1000));
    if (copying(t)) ms += QUEUEING_MS * unit(key, SALT + 1, Math.round(t * 1000));
    if (afterGap) ms += 0.5; // the first reply after the switch waits for the switches to learn the new port (gratuitous ARP)
    afterGap = false;
    samples.push({ t, ms: Math.round(ms * 1000) / 1000 });
  }
  return samples;
}
