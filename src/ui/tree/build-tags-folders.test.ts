import { describe, expect, it } from 'vitest';
import { buildFolders, folderSegments } from './build-folders';
import { buildTags } from './build-tags';
import type { TreeViewOptions } from './object-rules';
import { labFixture, outline } from './tree-fixture';

const DEFAULTS: TreeViewOptions = { showDefaultTemplates: false, showCustomTemplates: true, showLocalStorage: true, showHidden: false };

describe('buildTags', () => {
  it('makes one node per tag, holding every object that carries it', () => {
    const f = labFixture();
    const host = f.findByName(f.host, 'xenserver-02');
    const record = f.host.get(host);
    if (record !== undefined) f.host.set(host, { ...record, tags: ['web', 'Rack 2'] });
    expect(outline(buildTags(f, DEFAULTS))).toEqual([
      'Tags',
      '  ci',
      '    build-01',
      '    ci-01',
      '  database',
      '    db-01',
      '  Rack 2',
      '    xenserver-02',
      '  web',
      '    xenserver-02', // servers before VMs, VMs before templates
      '    web-01',
      '    web template',
    ]);
  });

  it('gives an object under two tags two distinct rows', () => {
    const f = labFixture();
    f.addVm('both', { tags: ['a', 'b'] });
    const tree = buildTags(f, DEFAULTS);
    const ids = tree.children.flatMap((t) => t.children.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('buildFolders', () => {
  it('nests folders by other_config.folder paths, subfolders first', () => {
    const f = labFixture();
    f.addVm('web-02', { other_config: { folder: '/Lab/Web' } });
    f.addVm('notes', { other_config: { folder: '/Lab' } });
    f.addVm('stray', { other_config: { folder: '/' } });
    expect(outline(buildFolders(f, DEFAULTS))).toEqual(['Folders', '  Lab', '    Web', '      web-02', '    notes']);
  });

  it('splits paths into segments', () => {
    expect(folderSegments('/Lab/Web')).toEqual(['Lab', 'Web']);
    expect(folderSegments('')).toEqual([]);
    expect(folderSegments('//a//b/')).toEqual(['a', 'b']);
  });
});
