// Export as Template and import, through the XenAPI surface and the HTTP
// handlers (GET /export, PUT /import): an exported snapshot is an XVA (tar,
// ova.xml first, 1 MiB chunks with their XXH64) that imports as a template
// holding the snapshot's disk content versions; bad archives change nothing.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';
import { answerExport, answerImport } from './export-http';
import { readTar } from '../../xapi/xva/tar';
import { utf8Decode } from '../../xapi/xva/utf8';
import { xxh64Hex } from './xxhash64';
import { decodeOvaXml } from '../../xapi/xva/ova-xml';

interface VdiRow { uuid: string; SR: string; sm_config: Record<string, string>; virtual_size: number }

async function diskContents(lab: Lab, vm: string): Promise<string[]> {
  const out: string[] = [];
  for (const vbd of await lab.call<string[]>('VM.get_VBDs', vm)) {
    const r = await lab.call<{ type: string; VDI: string }>('VBD.get_record', vbd);
    if (r.type === 'Disk') out.push((await lab.call<VdiRow>('VDI.get_record', r.VDI)).sm_config['xenlab-content'] ?? '');
  }
  return out.sort();
}

describe('XXH64', () => {
  it('matches the reference vectors', () => {
    const e = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
    expect(xxh64Hex(e(''))).toBe('EF46DB3751D8E999');
    expect(xxh64Hex(e('a'))).toBe('D24EC4F1A98C6E5B');
    expect(xxh64Hex(e('abc'))).toBe('44BC2CF5AD770999');
    expect(xxh64Hex(e('Nobody inspects the spammish repetition'))).toBe('FBCEA83C8A378BF1');
  });
});

describe('Export as Template (GET /export) and import (PUT /import)', () => {
  it('exports a snapshot as an XVA and imports it back as a template with the snapshot\'s disk contents', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    const snap = await lab.run<string>('VM.snapshot', vm, 'golden');
    const taken = await diskContents(lab, snap);
    await lab.run('Simulator.advance', 600); // the VM goes on writing; the snapshot keeps what it had
    expect(await diskContents(lab, vm)).not.toEqual(taken);

    const got = answerExport(lab.engine, `session_id=${encodeURIComponent(lab.session)}&ref=${encodeURIComponent(snap)}`);
    expect(got.status).toBe(200);
    expect(got.headers['Content-Disposition']).toBe('attachment; filename="export.xva"');
    const files = readTar(got.body);
    expect(files[0]?.name).toBe('ova.xml');
    const header = decodeOvaXml(utf8Decode(files[0]?.data ?? new Uint8Array()));
    expect(header.version.export_vsn).toBe(2);
    const vmObject = header.objects.find((o) => o.cls === 'VM');
    expect(vmObject?.id).toBe('Ref:0');
    // A plain export: a template, no longer a snapshot, Halted, snapshot_time the epoch.
    expect(vmObject?.snapshot).toMatchObject({ is_a_template: true, is_a_snapshot: false, snapshot_of: 'OpaqueRef:NULL', power_state: 'Halted', snapshot_time: '19700101T00:00:00Z', name_label: 'golden' });
    // Each chunk is followed by its XXH64; chunk 0 of each disk is there.
    const chunks = files.filter((f) => /^Ref:\d+\/\d{8}$/.test(f.name));
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(utf8Decode(files.find((f) => f.name === `${c.name}.xxhash`)?.data ?? new Uint8Array())).toBe(xxh64Hex(c.data));
    expect(chunks.every((c) => c.data.length <= 1024 * 1024)).toBe(true);
    console.log(`XVA of snapshot 'golden': ${String(got.body.length)} bytes, ${String(chunks.length)} chunks`);

    const sr = await lab.call<string>('VDI.get_SR', (await lab.call<{ VDI: string }>('VBD.get_record', (await lab.call<string[]>('VM.get_VBDs', snap))[0])).VDI);
    const task = await lab.call<string>('task.create', 'Import', '');
    const put = answerImport(lab.engine, `session_id=${encodeURIComponent(lab.session)}&sr_id=${encodeURIComponent(sr)}&task_id=${encodeURIComponent(task)}`, got.body);
    expect(put.status).toBe(200);
    expect(await lab.call('task.get_status', task)).toBe('success');
    const [imported] = await lab.call<string[]>('VM.get_by_name_label', 'golden').then((refs) => refs.filter((r) => r !== snap));
    expect(imported).toBeDefined();
    const record = await lab.call<Record<string, unknown>>('VM.get_record', imported);
    expect(record).toMatchObject({ is_a_template: true, is_a_snapshot: false, power_state: 'Halted' });
    expect(await diskContents(lab, imported ?? '')).toEqual(taken);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
    // A new VM from the imported template starts with those disks.
    const fresh = await lab.run<string>('VM.clone', imported, 'from-import');
    expect(await diskContents(lab, fresh)).toEqual(taken);
  });

  it('refuses without a session, a running VM, and corrupt or truncated archives — changing nothing', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    expect(answerExport(lab.engine, `ref=${encodeURIComponent(vm)}`).status).toBe(401);
    const running = answerExport(lab.engine, `session_id=${encodeURIComponent(lab.session)}&ref=${encodeURIComponent(vm)}`);
    expect(running.status).toBe(500);
    expect(utf8Decode(running.body).split('\n')[0]).toBe('VM_BAD_POWER_STATE');
    const snap = await lab.run<string>('VM.snapshot', vm, 's');
    const xva = answerExport(lab.engine, `session_id=${encodeURIComponent(lab.session)}&ref=${encodeURIComponent(snap)}`).body;
    const vms = (await lab.call<string[]>('VM.get_all')).length;
    const vdis = (await lab.call<string[]>('VDI.get_all')).length;
    const q = `session_id=${encodeURIComponent(lab.session)}`;
    const code = (body: Uint8Array, extra = '') => utf8Decode(answerImport(lab.engine, q + extra, body).body).split('\n')[0];
    expect(code(xva.subarray(0, 2000))).toBe('IMPORT_ERROR_PREMATURE_EOF');
    const flipped = xva.slice();
    const chunk = readTar(xva).find((f) => f.name.endsWith('/00000000'));
    expect(chunk).toBeDefined();
    flipped[(chunk?.data.byteOffset ?? 0) + 100] = 0xff; // one byte of a disk's data changed in transit
    expect(code(flipped)).toBe('IMPORT_ERROR_SOME_CHECKSUMS_FAILED');
    // As import.ml: 200 and the task-id before the stream is read, so a bad
    // stream shows only in the task; a refused SR is answered before that.
    const bad = answerImport(lab.engine, q, flipped);
    expect(bad.status).toBe(200);
    expect(await lab.call('task.get_error_info', bad.headers['task-id'])).toEqual(['IMPORT_ERROR_SOME_CHECKSUMS_FAILED']);
    const iso = (await lab.call<string[]>('SR.get_all')).find((r) => lab.engine.world.get('SR', r).content_type === 'iso');
    expect(iso).toBeDefined();
    expect(answerImport(lab.engine, `${q}&sr_id=${encodeURIComponent(iso!)}`, xva).status).toBe(400);
    expect(answerImport(lab.engine, `${q}&sr_id=OpaqueRef:nope`, xva).status).toBe(500);
    expect((await lab.call<string[]>('VM.get_all')).length).toBe(vms);
    expect((await lab.call<string[]>('VDI.get_all')).length).toBe(vdis);
    // force=true imports despite the checksum (as xapi's force flag does).
    expect(answerImport(lab.engine, `${q}&force=true`, flipped).status).toBe(200);
    expect((await lab.call<string[]>('VM.get_all')).length).toBe(vms + 1);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });
});
