// The full method table: generic accessors first, then each class's own
// methods (which may replace a generic one of the same name).
import { defineEventApi } from './event-api';
import { defineGenericAccessors } from './generic-accessors';
import type { MethodTable } from './registry';
import { defineSessionApi } from './session-api';
import { defineSimulatorApi } from './simulator-api';
import { defineSystemApi } from './system-api';
import { defineTaskApi } from './task-api';
import { defineMessageApi } from './message-api';
import { defineFaultApi } from '../faults/fault-api';
import { defineHaApi } from '../ha/ha-api';
import { defineVbdApi } from '../devices/vbd-api';
import { defineVifApi } from '../devices/vif-api';
import { defineMigrateApi } from '../migration/migrate-api';
import { defineVdiApi } from '../storage/vdi-api';
import { defineVdiCopyApi } from '../storage/vdi-copy';
import { defineVmCloneApi } from '../vm/clone-api';
import { definePbdApi } from '../storage/pbd-api';
import { defineSrApi } from '../storage/sr-api';
import { defineBondApi } from '../network/bond-api';
import { defineNetworkApi } from '../network/network-api';
import { defineSriovApi } from '../network/sriov-api';
import { defineVlanApi } from '../network/vlan-api';
import { defineVmConfigApi } from '../vm/config-api';
import { defineWlbApi } from '../wlb/wlb-api';
import { defineVmLifecycleApi } from '../vm/lifecycle-api';
import { defineLabApi } from '../lab/lab-api';
import { definePoolApi } from '../pool/pool-api';
import { defineHostPowerApi } from '../host/host-power-api';

let cached: MethodTable | undefined;

export function buildMethodTable(): MethodTable {
  if (cached !== undefined) return cached;
  const table: MethodTable = new Map();
  defineGenericAccessors(table);
  defineSessionApi(table);
  defineSystemApi(table);
  defineEventApi(table);
  defineTaskApi(table);
  defineMessageApi(table);
  defineSimulatorApi(table);
  defineVmLifecycleApi(table);
  defineVmConfigApi(table);
  defineVdiApi(table);
  defineHaApi(table);
  defineFaultApi(table);
  defineWlbApi(table);
  defineVdiCopyApi(table);
  defineVbdApi(table);
  defineVifApi(table);
  defineVmCloneApi(table);
  defineMigrateApi(table);
  defineLabApi(table);
  definePoolApi(table);
  defineHostPowerApi(table);
  defineSrApi(table);
  definePbdApi(table);
  defineNetworkApi(table);
  defineVlanApi(table);
  defineBondApi(table);
  defineSriovApi(table);
  cached = table;
  return table;
}
