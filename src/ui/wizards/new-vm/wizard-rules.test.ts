// The wizard's rules as pure functions over a small pool: what each page
// offers by default and what it refuses, with the message the field shows.
import { describe, expect, it } from 'vitest';
import { enterStep } from './page-defaults';
import { parseProvisionDisks, templateLimits } from './restrictions';
import { filterTemplates, groupTemplates, templateRows } from './template-list';
import { GiB, wizardFixture, type Fixture } from './testing/wizard-fixture';
import { canStartNow, firstInvalidStep, hostSuitability, pageErrors, urlError, validate } from './validate';
import { addDisk, chooseTemplate, rename, setVcpus, updateDisk } from './wizard-edits';
import { STEPS, initialState, type WizardState } from './wizard-state';

/** Walk every page from the template on, as Next does. */
function walk(f: Fixture, template: string, host?: string): WizardState {
  let s = chooseTemplate(initialState(undefined, host), template);
  for (const step of STEPS) s = enterStep(s, step, f.facts(template));
  return s;
}

describe('template list', () => {
  it('groups templates by family in XenCenter order, newest first, custom ones first', () => {
    const f = wizardFixture();
    const groups = groupTemplates(templateRows(f.cache, false));
    expect(groups.map((g) => g.name)).toEqual(['Custom', 'Windows', 'Debian', 'Misc']);
    expect(filterTemplates(templateRows(f.cache, false), 'deb 12').map((r) => r.name)).toEqual(['Debian Bookworm 12']);
  });

  it('reads limits and disks from the template XML', () => {
    const f = wizardFixture();
    const vm = f.cache.get('VM', f.windows);
    expect(templateLimits(vm?.recommendations ?? '')).toEqual({ maxVcpus: 64, minVcpus: 2, maxMemory: 1649267441664, maxVifs: 7, maxVbds: 255 });
    expect(templateLimits('')).toMatchObject({ maxVcpus: 32, minVcpus: 1 });
    expect(templateLimits('<restrictions><restriction field="vcpus-max" max="128"/></restrictions>').maxVcpus).toBe(64);
    expect(parseProvisionDisks(vm?.other_config['disks'])).toEqual([{ device: '0', size: 32 * GiB, sr: '', bootable: false, type: 'system' }]);
  });
});

describe('page defaults', () => {
  it('fills every page from a default template: name, ISO install, no home server on shared storage, its disk on the default SR, four networks', () => {
    const f = wizardFixture();
    const s = walk(f, f.debian);
    expect(s.name).toBe('Debian Bookworm 12 (1)');
    expect(s.install.method).toBe('cd');
    expect(s.home).toEqual({ mode: 'auto', host: '' });
    expect([s.vcpus, s.initialVcpus, s.memoryMin, s.memoryUnit]).toEqual(['1', '1', '2', 'GiB']);
    expect(s.disks).toMatchObject([{ source: 'provision', device: '0', name: 'Debian Bookworm 12 (1) 0', size: 10 * GiB, sr: f.nfs }]);
    expect(s.vifs.map((v) => v.network)).toEqual(f.nets);
    // Nothing chosen to install from yet: the Installation Media page stops.
    expect(pageErrors('install', validate(s, f.facts(f.debian)))).toEqual(['Choose an ISO image or DVD drive to install from.']);
  });

  it('homes the VM on the server whose DVD drive it installs from, and renames default disks with the VM', () => {
    const f = wizardFixture();
    let s = walk(f, f.debian);
    s = enterStep({ ...s, install: { method: 'cd', iso: f.dvd1, url: '' } }, 'home', f.facts(f.debian));
    expect(s.home).toEqual({ mode: 'server', host: f.hosts[0] });
    s = rename(s, 'db-02');
    expect(s.disks[0]?.name).toBe('db-02 0');
  });

  it('takes a custom template\'s own disk and interface (with a new MAC)', () => {
    const f = wizardFixture();
    const s = walk(f, f.custom);
    expect(s.disks).toMatchObject([{ source: 'template', device: '0', size: 20 * GiB, sr: f.nfs, sourceSr: f.nfs }]);
    expect(s.vifs).toMatchObject([{ network: f.nets[0], mac: '' }]);
    expect([s.memoryMin, s.memoryMax]).toEqual(['2', '4']);
  });
});

describe('validation at the field', () => {
  it('refuses 100 vCPUs and warns above 32 and above the servers\' CPUs', () => {
    const f = wizardFixture();
    const facts = f.facts(f.debian);
    let s = walk(f, f.debian);
    s = setVcpus(s, '100', facts);
    expect(validate(s, facts)['vcpus']?.error).toBe('Debian Bookworm 12 supports at most 64 vCPUs.');
    s = setVcpus(s, '48', facts);
    expect(validate(s, facts)['vcpus']?.error).toBeUndefined();
    expect(validate(s, facts)['vcpus']?.warning).toContain('more than 32 vCPUs');
    expect(s.coresPerSocket).toBe(3); // 48 in at most 16 sockets: the first valid topology
    expect(setVcpus(s, 'x', facts).vcpus).toBe('x');
    expect(validate({ ...s, vcpus: 'x' }, facts)['vcpus']?.error).toBe('Enter a whole number of vCPUs.');
  });

  it('checks cores per socket against the vCPUs', () => {
    const f = wizardFixture();
    const s = { ...walk(f, f.debian), vcpus: '6', initialVcpus: '6', coresPerSocket: 4 };
    expect(validate(s, f.facts(f.debian))['topology']?.error).toBe('The number of vCPUs must be a multiple of the number of cores per socket.');
  });

  it('refuses less memory than the template needs and more than any server has; warns above what is free', () => {
    const f = wizardFixture();
    const facts = f.facts(f.debian);
    const s = walk(f, f.debian);
    expect(validate({ ...s, memoryMin: '512', memoryUnit: 'MiB' }, facts)['memoryMin']?.error).toBe('Debian Bookworm 12 needs at least 1 GB of memory.');
    expect(validate({ ...s, memoryMin: '200' }, facts)['memoryMin']?.error).toBe('The amount of memory allocated to the new VM is greater than the amount of physical memory on any server in the pool (128 GB).');
    expect(validate({ ...s, memoryMin: '2000' }, facts)['memoryMin']?.error).toBe('XenServer supports at most 1.5 TB of memory for this guest.');
    const warn = validate({ ...s, memoryMin: '110' }, facts)['memoryMin'];
    expect([warn?.error, warn?.warning?.slice(0, 60)]).toEqual([undefined, 'The amount of memory allocated to the new VM is greater than']);
    expect(canStartNow({ ...s, memoryMin: '110' }, facts)).toBe(false);
    expect(canStartNow(s, facts)).toBe(true);
  });

  it('validates the install URL against the template\'s methods', () => {
    expect(urlError('', ['cdrom', 'http'])).toBe('Enter the address of the installation repository, for example http://server/path.');
    expect(urlError('http://deb.debian.org/debian', ['cdrom', 'nfs', 'http', 'ftp'])).toBeUndefined();
    expect(urlError('https://deb.debian.org/debian', ['http'])).toBeUndefined();
    expect(urlError('smb://server/share', ['nfs', 'http'])).toBe('This template installs over nfs, http; smb:// is not one of them.');
    expect(urlError('http:///debian', ['http'])).toBe('Add the name or address of the server after //.');
    expect(urlError('http://server', ['http'])).toBe('Add the path of the repository on the server (…/path).');
    expect(urlError('deb.debian.org', ['http'])).toBe('That is not a URL; write it as http://server/path.');
  });

  it('says why a server cannot be the home server, and keeps memory shortfalls as warnings', () => {
    const f = wizardFixture();
    const facts = f.facts(f.debian);
    const s = { ...walk(f, f.debian), memoryMin: '64' };
    const [h1, h2, h3] = facts.hosts;
    expect(h3 && hostSuitability(h3, s, facts).blocked).toContain('cannot run HVM guests');
    expect(h2 && hostSuitability(h2, s, facts)).toEqual({ warning: 'Not enough free memory to start the VM now (it needs 64 GB).' });
    expect(h1 && hostSuitability(h1, s, facts)).toEqual({});
  });

  it('prevents SR_FULL at the disk: a thick local SR without room for the disk', () => {
    const f = wizardFixture();
    const facts = f.facts(f.debian);
    let s = enterStep({ ...walk(f, f.debian), home: { mode: 'server', host: f.hosts[0] } }, 'storage', facts);
    s = updateDisk(s, s.disks[0]?.id ?? '', { sr: f.local[0], size: 30 * GiB });
    const issues = validate(s, facts);
    expect(issues[`disk:${s.disks[0]?.id ?? ''}`]?.error).toBe('Local storage has 20 GB free; the disks on it need 30 GB.');
    expect(firstInvalidStep(issues)).toBe('install');
    // A local SR of another server cannot be seen from the home server.
    s = updateDisk(s, s.disks[0]?.id ?? '', { sr: f.local[1], size: 10 * GiB });
    expect(validate(s, facts)[`disk:${s.disks[0]?.id ?? ''}`]?.error).toBe('Local storage cannot be seen from the VM\'s home server.');
  });

  it('needs shared storage for a VM without a home server', () => {
    const f = wizardFixture();
    const facts = f.facts(f.debian);
    let s = walk(f, f.debian);
    s = addDisk(s, facts, { sr: f.local[1] });
    const added = s.disks[1];
    expect(added?.device).toBe('1');
    expect(validate(s, facts)[`disk:${added?.id ?? ''}`]?.error).toBe('VMs without a home server cannot have disks on Local storage, which is local to one server.');
  });
});
