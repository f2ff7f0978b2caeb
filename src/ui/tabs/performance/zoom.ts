// The Performance tab's Zoom menu (XenCenter's PerformancePage: 10 Minutes,
// 1 Hour, 1 Day, 1 Week, 1 Month, 1 Year) and which of xapi's RRD archives
// each reads. xapi keeps four: 5 s × 120 rows (10 minutes), 1 min × 120
// (2 hours), 1 h × 168 (a week) and 1 day × 366 (a year); XenCenter picks
// the archive by the width of the view (≤ 10 min → 5 s, ≤ 2 h → 1 min,
// ≤ 7 days → 1 h, longer → 1 day). So 1 Day shows 24 hourly points and
// 1 Month 30 daily ones: the archives hold nothing finer that far back.

export type ZoomId = '10m' | '1h' | '1d' | '1w' | '1mo' | '1y';

export interface Zoom {
  readonly id: ZoomId;
  /** The menu's words. */
  readonly label: string;
  /** How far back the view reaches, in seconds. */
  readonly seconds: number;
  /** The archive's step (seconds per row), asked as rrd_updates' `interval`. */
  readonly step: number;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/** In the menu's order (XenCenter lists the longest first). */
export const ZOOMS: readonly Zoom[] = [
  { id: '1y', label: '1 Year', seconds: 366 * DAY, step: DAY },
  { id: '1mo', label: '1 Month', seconds: 30 * DAY, step: DAY },
  { id: '1w', label: '1 Week', seconds: 7 * DAY, step: HOUR },
  { id: '1d', label: '1 Day', seconds: DAY, step: HOUR },
  { id: '1h', label: '1 Hour', seconds: HOUR, step: MINUTE },
  { id: '10m', label: '10 Minutes', seconds: 10 * MINUTE, step: 5 },
];

export const DEFAULT_ZOOM: ZoomId = '10m';

export function zoomOf(id: ZoomId): Zoom {
  const zoom = ZOOMS.find((z) => z.id === id);
  if (zoom === undefined) throw new Error(`unknown zoom ${id}`);
  return zoom;
}

export function isZoomId(value: string): value is ZoomId {
  return ZOOMS.some((z) => z.id === value);
}

/** Fastest and slowest wall-clock refresh: often enough to look live, never a busy loop. */
const MIN_REFRESH_MS = 1000;
const MAX_REFRESH_MS = 30_000;
/** While paused nothing new is archived, but a fast-forward can fill the archives at any time. */
const PAUSED_REFRESH_MS = 5000;

/**
 * How often (wall-clock ms) to ask for new rows: once per archive step of
 * virtual time, so a 10-minute view at 1× refreshes every 5 s and at 60×
 * every second, while a week's view at 60× waits a minute of wall time per
 * new hourly row (capped at 30 s so a fast-forward shows up soon).
 * `speed` is the pool clock's speed (0 = paused; 1 for a real pool).
 */
export function refreshMs(zoom: Zoom, speed: number): number {
  if (!(speed > 0)) return PAUSED_REFRESH_MS;
  return Math.min(MAX_REFRESH_MS, Math.max(MIN_REFRESH_MS, (zoom.step / speed) * 1000));
}
