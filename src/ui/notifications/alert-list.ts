// XenAPI messages as XenCenter's Alerts: severity from priority (1 Critical …
// 5 Information), a readable title from the message name, the object it is
// about (by obj_uuid) and the server or pool it came from.
import type { RecordOf } from '../../xapi/types';
import { timeOf } from './task-display';

export type MessageRecord = RecordOf<'message'>;

export const SEVERITIES = ['Critical', 'Major', 'Warning', 'Minor', 'Information'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityFilter = Severity | 'all';

export function severityOf(priority: number): Severity {
  return SEVERITIES[Math.min(5, Math.max(1, Math.round(priority))) - 1] ?? 'Information';
}

const TITLES: Readonly<Record<string, string>> = {
  ALARM: 'Alarm',
  HA_HOST_FAILED: 'HA: server failed',
  HA_HOST_WAS_FENCED: 'HA: server fenced',
  HA_POOL_MASTER_CHANGED: 'HA: new pool coordinator',
  HA_PROTECTED_VM_RESTART_FAILED: 'HA: protected VM not restarted',
  HA_STATEFILE_LOST: 'HA: heartbeat storage lost',
  XENLAB_FAULT_INJECTED: 'Simulated fault',
  XENLAB_FAULT_CLEARED: 'Simulated fault repaired',
  HA_POOL_OVERCOMMITTED: 'HA: pool overcommitted',
  HA_POOL_DROP_IN_PLAN_EXISTS_FOR: 'HA: fewer server failures can be tolerated',
  HOST_SYNC_DATA_FAILED: 'Server data synchronization failed',
  VM_STARTED: 'VM started',
  VM_SHUTDOWN: 'VM shut down',
  VM_REBOOTED: 'VM rebooted',
  VM_SUSPENDED: 'VM suspended',
  VM_RESUMED: 'VM resumed',
  VM_CRASHED: 'VM crashed',
  VM_CLONED: 'VM cloned',
  LICENSE_EXPIRES_SOON: 'License expires soon',
  LICENSE_EXPIRED: 'License expired',
  PBD_PLUG_FAILED_ON_SERVER_START: 'Storage could not be attached when the server started',
  MULTIPATH_PERIODIC_ALERT: 'Multipath: paths failed',
};

/** 'HA_POOL_OVERCOMMITTED' → 'HA: pool overcommitted'; unknown names → 'Some message name'. */
export function alertTitle(name: string): string {
  const known = TITLES[name];
  if (known !== undefined) return known;
  const words = name.toLowerCase().replace(/_/g, ' ').trim();
  return words === '' ? 'Alert' : words.charAt(0).toUpperCase() + words.slice(1);
}

export interface AlertRow {
  readonly ref: string;
  readonly severity: Severity;
  readonly title: string;
  readonly body: string;
  /** The object the message is about, by name ('' when unknown). */
  readonly objectName: string;
  readonly source: string;
  readonly time: number | undefined;
  readonly timestamp: string;
}

/** Names of objects by uuid, per message `cls` ('VM', 'Host', 'SR', 'Pool', 'VDI'). */
export type NameByUuid = (cls: string, uuid: string) => string | undefined;

export function buildAlertRows(
  messages: Iterable<readonly [string, MessageRecord]>,
  nameOf: NameByUuid,
  poolName: string,
  hidden: Readonly<Record<string, true>>,
  filter: SeverityFilter,
): AlertRow[] {
  const rows: AlertRow[] = [];
  for (const [ref, m] of messages) {
    if (hidden[ref] === true) continue;
    const severity = severityOf(m.priority);
    if (filter !== 'all' && severity !== filter) continue;
    const objectName = nameOf(m.cls, m.obj_uuid) ?? '';
    rows.push({
      ref,
      severity,
      title: alertTitle(m.name),
      body: m.body,
      objectName,
      source: m.cls === 'Host' && objectName !== '' ? objectName : poolName,
      time: timeOf(m.timestamp),
      timestamp: m.timestamp,
    });
  }
  return rows.sort((a, b) => (b.time ?? 0) - (a.time ?? 0) || (a.ref < b.ref ? -1 : 1));
}
