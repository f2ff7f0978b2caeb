// Reattaching an SR the pool forgot (XenCenter's New SR wizard, when a scan
// finds an SR at the location): the probe lists every SR whose data is there;
// those the pool does not know are offered for reattach. Reattach is
// SR.introduce with the found UUID, then a PBD per server (every server of
// the pool for shared storage, the chosen one for a local disk), each plugged:
// the storage driver finds the SR's virtual disks on its first attach.
import { kindInfo, type SrKind } from './new-sr-model';

/** SRs found at the location that the pool has no record of (reattachable), in the probe's order. */
export function reattachable(found: readonly string[] | undefined, known: ReadonlySet<string>): string[] {
  return (found ?? []).filter((uuid) => !known.has(uuid.toLowerCase()));
}

export interface ReattachPlan {
  readonly kind: SrKind;
  readonly uuid: string;
  readonly name: string;
  readonly description: string;
  readonly deviceConfig: Readonly<Record<string, string>>;
  /** The servers to make PBDs on, the coordinator first. */
  readonly hosts: readonly string[];
}

interface AsyncCaller {
  callAsync<T = unknown>(method: string, ...args: readonly unknown[]): Promise<T>;
}

/** Run the reattach; answers the SR's new ref. */
export async function reattachSr(client: AsyncCaller, plan: ReattachPlan): Promise<string> {
  const info = kindInfo(plan.kind);
  const sr = await client.callAsync<string>('SR.introduce', plan.uuid, plan.name.trim(), plan.description, info.type, info.contentType, info.shared, {});
  for (const host of plan.hosts) {
    const pbd = await client.callAsync<string>('PBD.create', { host, SR: sr, device_config: plan.deviceConfig, other_config: {} });
    await client.callAsync('PBD.plug', pbd);
  }
  return sr;
}
