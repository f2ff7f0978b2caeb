// XenAPI datetimes for people: the pool's clock is shown in UTC (a simulated
// pool's virtual time has no useful relation to the viewer's time zone).
import { parseDateTime } from '../../xapi/datetime';

const FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "28 Nov 2026, 01:02 UTC"; "—" for an unset (epoch) or unreadable time. */
export function formatDateTime(text: string | undefined): string {
  if (text === undefined) return '—';
  const date = parseDateTime(text);
  if (date === undefined || date.getTime() <= 0) return '—';
  return `${FORMAT.format(date)} UTC`;
}
