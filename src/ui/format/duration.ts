// Time spans as XenCenter writes uptimes: "14 days 3 hours 2 minutes", the
// two or three largest units that matter, whole units, singular where 1.

function unit(n: number, one: string): string {
  return `${String(n)} ${one}${n === 1 ? '' : 's'}`;
}

/** A span in seconds as words; "Less than a minute" below 60 s; "—" when unknown or negative. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const total = Math.floor(seconds);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (days > 0) return [unit(days, 'day'), unit(hours, 'hour'), unit(minutes, 'minute')].join(' ');
  if (hours > 0) return [unit(hours, 'hour'), unit(minutes, 'minute')].join(' ');
  if (minutes > 0) return unit(minutes, 'minute');
  return 'Less than a minute';
}

/** A short form for grid cells: "14d 3h", "3h 2m", "2m", "<1m". */
export function formatDurationShort(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
  const total = Math.floor(seconds);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  if (days > 0) return `${String(days)}d ${String(hours)}h`;
  if (hours > 0) return `${String(hours)}h ${String(minutes)}m`;
  if (minutes > 0) return `${String(minutes)}m`;
  return '<1m';
}
