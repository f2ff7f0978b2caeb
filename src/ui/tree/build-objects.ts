// The Objects view ("Objects by Type"): one group per type, in XenCenter's
// order and with its names (ObjectTypes in XenModel/XenSearch/Common.cs), each
// holding its objects sorted by name. Templates and local SRs follow the View
// menu; hidden objects only when shown; control domains never. A type with no
// objects has no group.
import type { IconKind } from '../format/object-icon';
import { isLocalSr, networkShown, srShown, vdiShown, vmKind, vmShown, type TreeViewOptions } from './object-rules';
import { treePools } from './tree-pools';
import { groupNode, objectNode, type TreeNode, type TreeObjectClass } from './tree-node';
import { sortNodes } from './tree-sort';
import type { TreeSource } from './tree-source';

export const OBJECTS_ROOT_ID = 'root:objects';

export type ObjectType = 'Pool' | 'Server' | 'VM' | 'Snapshot' | 'UserTemplate' | 'DefaultTemplate' | 'RemoteSR' | 'LocalSR' | 'VDI' | 'Network';

export const OBJECT_TYPE_GROUPS: readonly { readonly type: ObjectType; readonly label: string; readonly icon: IconKind }[] = [
  { type: 'Pool', label: 'Pools', icon: 'pool' },
  { type: 'Server', label: 'Servers', icon: 'host' },
  { type: 'VM', label: 'VMs', icon: 'vm' },
  { type: 'Snapshot', label: 'Snapshots', icon: 'snapshot' },
  { type: 'UserTemplate', label: 'Custom Templates', icon: 'template-custom' },
  { type: 'DefaultTemplate', label: 'XenServer Templates', icon: 'template' },
  { type: 'RemoteSR', label: 'Remote Storage Repositories', icon: 'sr-shared' },
  { type: 'LocalSR', label: 'Local Storage Repositories', icon: 'sr-local' },
  { type: 'VDI', label: 'Virtual Disks', icon: 'vdi' },
  { type: 'Network', label: 'Networks', icon: 'network' },
];

export interface TypedObject {
  readonly type: ObjectType;
  readonly cls: TreeObjectClass;
  readonly ref: string;
  readonly label: string;
}

/**
 * Every object the Objects, Tags and Folders views may show, with its
 * XenCenter type (the same visibility rules for all three views).
 */
export function* shownObjects(src: TreeSource, options: TreeViewOptions): Generator<TypedObject> {
  const { pools, hidden } = treePools(src);
  for (const { ref } of pools) {
    const pool = src.pool.get(ref);
    if (pool !== undefined) yield { type: 'Pool', cls: 'pool', ref, label: pool.name_label };
  }
  for (const [ref, host] of src.host.entries()) if (!hidden.has(ref)) yield { type: 'Server', cls: 'host', ref, label: host.name_label };
  for (const [ref, vm] of src.VM.entries()) {
    if (!vmShown(vm, options)) continue;
    const kind = vmKind(vm);
    const type: ObjectType = kind === 'snapshot' ? 'Snapshot' : kind === 'custom-template' ? 'UserTemplate' : kind === 'default-template' ? 'DefaultTemplate' : 'VM';
    yield { type, cls: 'VM', ref, label: vm.name_label };
  }
  for (const [ref, sr] of src.SR.entries()) {
    if (!srShown(sr, options.showHidden)) continue;
    const local = isLocalSr(sr);
    if (local && !options.showLocalStorage) continue;
    yield { type: local ? 'LocalSR' : 'RemoteSR', cls: 'SR', ref, label: sr.name_label };
  }
  for (const [ref, vdi] of src.VDI.entries()) {
    if (vdiShown(vdi, options.showHidden)) yield { type: 'VDI', cls: 'VDI', ref, label: vdi.name_label };
  }
  for (const [ref, network] of src.network.entries()) {
    if (networkShown(network, options.showHidden)) yield { type: 'Network', cls: 'network', ref, label: network.name_label };
  }
}

export function buildObjects(src: TreeSource, options: TreeViewOptions): TreeNode {
  const byType = new Map<ObjectType, TreeNode[]>();
  for (const o of shownObjects(src, options)) {
    let list = byType.get(o.type);
    if (list === undefined) byType.set(o.type, (list = []));
    list.push(objectNode(`objects:${o.type}/${o.ref}`, o.cls, o.ref, o.label));
  }
  const groups: TreeNode[] = [];
  for (const g of OBJECT_TYPE_GROUPS) {
    const members = byType.get(g.type);
    if (members !== undefined) groups.push(groupNode('group', `objects:${g.type}`, g.label, g.icon, sortNodes(src, members)));
  }
  return groupNode('root', OBJECTS_ROOT_ID, 'Objects by Type', 'objects', groups, true);
}
