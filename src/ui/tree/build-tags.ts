// The Tags view (XenCenter's "Objects by Tag"): one node per tag found in the
// `tags` of any shown object, holding the objects that carry it. An object
// with several tags appears under each.
import type { TreeViewOptions } from './object-rules';
import { shownObjects } from './build-objects';
import { groupNode, objectNode, type TreeNode } from './tree-node';
import { sortNodes } from './tree-sort';
import { naturalCompare } from '../format/natural-compare';
import { commonFields, type TreeSource } from './tree-source';

export const TAGS_ROOT_ID = 'root:tags';

export function buildTags(src: TreeSource, options: TreeViewOptions): TreeNode {
  const byTag = new Map<string, TreeNode[]>();
  for (const o of shownObjects(src, options)) {
    const tags = commonFields(src, o.cls, o.ref)?.tags ?? [];
    for (const tag of new Set(tags)) {
      let list = byTag.get(tag);
      if (list === undefined) byTag.set(tag, (list = []));
      list.push(objectNode(`tag:${tag}/${o.ref}`, o.cls, o.ref, o.label));
    }
  }
  const tags = [...byTag.keys()].sort(naturalCompare);
  const nodes = tags.map((tag) => groupNode('tag', `tag:${tag}`, tag, 'tag', sortNodes(src, byTag.get(tag) ?? [])));
  return groupNode('root', TAGS_ROOT_ID, 'Tags', 'tag', nodes, true);
}
