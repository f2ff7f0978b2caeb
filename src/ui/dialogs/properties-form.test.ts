import { describe, expect, it } from 'vitest';
import { folderError, formErrors, formFromRecord, nameError, planChanges, tagError } from './properties-form';

const record = { name_label: 'web-01', name_description: 'nginx', tags: ['web', 'prod'], other_config: { folder: '/Production' } };

describe('Properties: fields', () => {
  it('a name is required and at most 255 characters', () => {
    expect(nameError('')).toBe('Enter a name.');
    expect(nameError('   ')).toBe('Enter a name.');
    expect(nameError('x'.repeat(255))).toBeUndefined();
    expect(nameError('x'.repeat(256))).toMatch(/at most 255 characters/);
  });

  it('a folder is empty (none) or a path starting with "/"', () => {
    expect(folderError('')).toBeUndefined();
    expect(folderError('/Production/Web')).toBeUndefined();
    expect(folderError('Production')).toMatch(/starts with "\/"/);
    expect(folderError('/')).toMatch(/Give the folder a name/);
    expect(folderError('/a/')).toMatch(/at the end/);
    expect(folderError('/a//b')).toMatch(/empty one/);
  });

  it('a tag is new to the object', () => {
    expect(tagError('', ['web'])).toBeUndefined();
    expect(tagError(' web ', ['web'])).toMatch(/already has the tag "web"/);
    expect(tagError('db', ['web'])).toBeUndefined();
  });

  it('the form starts from the record', () => {
    expect(formFromRecord(record)).toEqual({ name: 'web-01', description: 'nginx', tags: ['web', 'prod'], folder: '/Production' });
    expect(formErrors({ name: '', description: '', tags: [], folder: 'x' })).toEqual({ name: 'Enter a name.', folder: expect.stringMatching(/starts with/) as unknown });
  });
});

describe('Properties: the calls that save it', () => {
  it('nothing changed, nothing to call', () => {
    expect(planChanges('VM', 'r', record, formFromRecord(record))).toEqual([]);
  });

  it('each change with its XenAPI call, on the object\'s class', () => {
    const calls = planChanges('host', 'h', record, { name: ' web-02 ', description: '', tags: ['web', 'blue'], folder: '/Staging' });
    expect(calls).toEqual([
      { method: 'host.set_name_label', args: ['h', 'web-02'] },
      { method: 'host.set_name_description', args: ['h', ''] },
      { method: 'host.remove_tags', args: ['h', 'prod'] },
      { method: 'host.add_tags', args: ['h', 'blue'] },
      // add_to_other_config refuses a key that is there: remove first.
      { method: 'host.remove_from_other_config', args: ['h', 'folder'] },
      { method: 'host.add_to_other_config', args: ['h', 'folder', '/Staging'] },
    ]);
  });

  it('clearing the folder only removes it; setting a first folder only adds it', () => {
    expect(planChanges('VM', 'r', record, { ...formFromRecord(record), folder: '' })).toEqual([{ method: 'VM.remove_from_other_config', args: ['r', 'folder'] }]);
    const plain = { ...record, other_config: {} };
    expect(planChanges('SR', 's', plain, { ...formFromRecord(plain), folder: '/ISOs' })).toEqual([{ method: 'SR.add_to_other_config', args: ['s', 'folder', '/ISOs'] }]);
  });
});
