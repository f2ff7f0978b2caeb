// Daily and weekly rhythms of load. The lab's clock starts on a Monday at
// 08:00 UTC (engine.config.epoch; engine.unixTime()), the hosts' timezone is
// UTC, and a workload may shift its rhythm by a UTC offset (its users' zone).
//
// The shapes are the simulator's own, drawn after the familiar curves of
// operations dashboards: business systems follow office hours on weekdays
// with a lunch dip; consumer web traffic has its trough before dawn and its
// peak in the evening, a little higher at weekends; game servers are busy in
// the evenings and on weekend afternoons. Values are relative (1 = the peak).

export type RhythmProfile = 'office' | 'consumer' | 'evening' | 'flat';

type Day = readonly number[]; // 24 hourly values, hour h at h:00

const OFFICE_WEEKDAY: Day = [0.06, 0.05, 0.05, 0.05, 0.05, 0.06, 0.12, 0.3, 0.7, 0.95, 1, 0.97, 0.75, 0.9, 0.97, 0.93, 0.85, 0.65, 0.38, 0.2, 0.14, 0.1, 0.08, 0.07];
const OFFICE_WEEKEND: Day = [0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.06, 0.08, 0.1, 0.12, 0.12, 0.11, 0.11, 0.11, 0.1, 0.09, 0.08, 0.07, 0.07, 0.06, 0.06, 0.05, 0.05];
const CONSUMER_WEEKDAY: Day = [0.45, 0.33, 0.26, 0.22, 0.21, 0.24, 0.33, 0.48, 0.6, 0.66, 0.7, 0.73, 0.78, 0.75, 0.72, 0.72, 0.75, 0.8, 0.87, 0.95, 1, 0.97, 0.82, 0.62];
const CONSUMER_WEEKEND: Day = [0.55, 0.42, 0.32, 0.26, 0.23, 0.23, 0.27, 0.36, 0.5, 0.64, 0.76, 0.84, 0.88, 0.88, 0.86, 0.85, 0.86, 0.9, 0.94, 0.98, 1, 0.97, 0.85, 0.68];
const EVENING_WEEKDAY: Day = [0.45, 0.25, 0.12, 0.07, 0.05, 0.05, 0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.2, 0.2, 0.2, 0.24, 0.32, 0.45, 0.65, 0.85, 0.97, 1, 0.92, 0.7];
const EVENING_WEEKEND: Day = [0.6, 0.4, 0.22, 0.12, 0.08, 0.07, 0.08, 0.1, 0.16, 0.28, 0.42, 0.55, 0.64, 0.7, 0.74, 0.76, 0.8, 0.84, 0.9, 0.96, 1, 1, 0.95, 0.8];
const FLAT: Day = Array.from({ length: 24 }, () => 1);

const PROFILES: Readonly<Record<RhythmProfile, readonly [weekday: Day, weekend: Day]>> = {
  office: [OFFICE_WEEKDAY, OFFICE_WEEKEND],
  consumer: [CONSUMER_WEEKDAY, CONSUMER_WEEKEND],
  evening: [EVENING_WEEKDAY, EVENING_WEEKEND],
  flat: [FLAT, FLAT],
};

const DAY = 86400;

/** Day of the week of a Unix time: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(unix: number): number {
  return (((Math.floor(unix / DAY) + 4) % 7) + 7) % 7;
}

/** Hour of the day in [0, 24), fractional. */
export function hourOfDay(unix: number): number {
  return (((unix % DAY) + DAY) % DAY) / 3600;
}

function dayCurve(profile: RhythmProfile, unix: number): Day {
  const dow = dayOfWeek(unix);
  const [weekday, weekend] = PROFILES[profile];
  return dow === 0 || dow === 6 ? weekend : weekday;
}

/** The profile's relative load (0..1) at a Unix time, cosine-interpolated between hours. */
export function rhythmAt(profile: RhythmProfile, unix: number): number {
  if (profile === 'flat') return 1;
  const h = hourOfDay(unix);
  const i = Math.floor(h);
  const f = h - i;
  const curve = dayCurve(profile, unix);
  const a = curve[i] ?? 0;
  // The next hour's value comes from the next day's curve after 23:00.
  const b = i < 23 ? (curve[i + 1] ?? 0) : (dayCurve(profile, unix + 3600)[0] ?? 0);
  const s = (1 - Math.cos(Math.PI * f)) / 2;
  return a + (b - a) * s;
}

/**
 * Relative level at a Unix time for a rhythm of amplitude `daily` (0 = flat,
 * 1 = the full curve), shifted by `utcOffsetHours` (the users' timezone).
 */
export function dailyLevel(profile: RhythmProfile, unix: number, daily: number, utcOffsetHours = 0): number {
  const r = rhythmAt(profile, unix + utcOffsetHours * 3600);
  return 1 - daily + daily * r;
}
