// The Folders view: XenCenter keeps an object's folder in
// other_config.folder as a path ("/Lab/Web"); each path segment is a folder
// node, subfolders before objects, both in natural order.
import type { TreeViewOptions } from './object-rules';
import { shownObjects } from './build-objects';
import { groupNode, objectNode, type TreeNode } from './tree-node';
import { sortNodes } from './tree-sort';
import { commonFields, type TreeSource } from './tree-source';

export const FOLDERS_ROOT_ID = 'root:folders';

interface Folder {
  readonly path: string;
  readonly name: string;
  readonly folders: Map<string, Folder>;
  readonly objects: TreeNode[];
}

/** The segments of a folder path ("/Lab/Web" → ["Lab", "Web"]); none for "", "/". */
export function folderSegments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

export function buildFolders(src: TreeSource, options: TreeViewOptions): TreeNode {
  const top: Folder = { path: '', name: '', folders: new Map(), objects: [] };
  for (const o of shownObjects(src, options)) {
    const segments = folderSegments(commonFields(src, o.cls, o.ref)?.other_config['folder'] ?? '');
    if (segments.length === 0) continue;
    let folder = top;
    for (const name of segments) {
      let next = folder.folders.get(name);
      if (next === undefined) {
        next = { path: `${folder.path}/${name}`, name, folders: new Map(), objects: [] };
        folder.folders.set(name, next);
      }
      folder = next;
    }
    folder.objects.push(objectNode(`folder:${folder.path}//${o.ref}`, o.cls, o.ref, o.label));
  }
  const toNodes = (folder: Folder): TreeNode[] =>
    sortNodes(src, [...[...folder.folders.values()].map((f) => groupNode('folder', `folder:${f.path}`, f.name, 'folder', toNodes(f))), ...folder.objects]);
  return groupNode('root', FOLDERS_ROOT_ID, 'Folders', 'folder', toNodes(top), true);
}
