import { describe, expect, it } from 'vitest';
import { buildInfrastructure } from './build-infrastructure';
import type { TreeViewOptions } from './object-rules';
import { searchTree, searchWords } from './search-filter';
import { labFixture, outline } from './tree-fixture';

const DEFAULTS: TreeViewOptions = { showDefaultTemplates: false, showCustomTemplates: true, showLocalStorage: true, showHidden: false };
const search = (text: string) => {
  const f = labFixture();
  return outline(searchTree(f, buildInfrastructure(f, DEFAULTS), text));
};

describe('searchTree', () => {
  it('keeps matching objects with their ancestors', () => {
    expect(search('web')).toEqual(['XenLab', '  Lab Pool', '    xenserver-01', '      web-01', '    web template']);
  });

  it('matches power state, tags, OS and IP address, ignoring case', () => {
    expect(search('PAUSED')).toEqual(['XenLab', '  Lab Pool', '    xenserver-01', '      ci-01']);
    expect(search('database')).toEqual(['XenLab', '  Lab Pool', '    xenserver-02', '      db-01']);
    expect(search('bookworm')).toEqual(['XenLab', '  Lab Pool', '    xenserver-01', '      web-01']);
    expect(search('192.168.10.101')).toEqual(['XenLab', '  Lab Pool', '    xenserver-01', '      web-01']);
    // A server matches by its address.
    expect(search('192.168.10.12')).toEqual(['XenLab', '  Lab Pool', '    xenserver-02']);
  });

  it('needs every word to match', () => {
    expect(search('running ci')).toEqual(['XenLab', '  Lab Pool', '    xenserver-03', '      build-01']);
  });

  it('leaves the root alone when nothing matches, and the whole tree for blank text', () => {
    expect(search('no-such-thing')).toEqual(['XenLab']);
    const f = labFixture();
    const tree = buildInfrastructure(f, DEFAULTS);
    expect(searchTree(f, tree, '   ')).toBe(tree);
    expect(searchWords('  Web  01 ')).toEqual(['web', '01']);
  });

  it('treats names as text, not patterns', () => {
    const f = labFixture();
    f.addVm('<img src=x onerror=alert(1)>');
    expect(outline(searchTree(f, buildInfrastructure(f, DEFAULTS), '<img'))).toEqual(['XenLab', '  Lab Pool', '    <img src=x onerror=alert(1)>']);
    expect(outline(searchTree(f, buildInfrastructure(f, DEFAULTS), '.*'))).toEqual(['XenLab']);
  });
});
