// Import details of xapi's handler beyond the round trip (xva.test.ts): chunks
// checked by SHA-1 ".checksum" files (older exporters) as well as ".xxhash",
// and restore=true (xapi's full_restore) keeping the VM's uuid and MACs.
import { describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../testing/lab';
import { worldProblems } from '../worlds/world-invariants';
import { answerExport, answerImport } from './export-http';
import { sha1Hex } from './sha1';
import { readTar, writeTar } from '../../xapi/xva/tar';
import { utf8Decode, utf8Encode } from '../../xapi/xva/utf8';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

async function exportOf(lab: Lab, ref: string): Promise<Uint8Array> {
  const got = answerExport(lab.engine, `session_id=${encodeURIComponent(lab.session)}&ref=${encodeURIComponent(ref)}`);
  expect(got.status, utf8Decode(got.body)).toBe(200);
  return got.body;
}

/** The same XVA with every ".xxhash" replaced by a SHA-1 ".checksum", as older exporters wrote it. */
function withSha1(xva: Uint8Array): Uint8Array {
  const entries = readTar(xva);
  const data = new Map(entries.map((e) => [e.name, e.data]));
  return writeTar(
    entries.map((e) => {
      if (!e.name.endsWith('.xxhash')) return e;
      const chunk = e.name.slice(0, -'.xxhash'.length);
      return { name: `${chunk}.checksum`, data: utf8Encode(sha1Hex(data.get(chunk) ?? new Uint8Array())) };
    }),
  );
}

const errorCode = (body: Uint8Array) => utf8Decode(body).split('\n')[0];

describe('SHA-1', () => {
  it('matches the FIPS 180 vectors', () => {
    expect(sha1Hex(ascii(''))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex(ascii('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
    expect(sha1Hex(new Uint8Array(1_000_000).fill(0x61))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
  });
});

describe('PUT /import', () => {
  it('checks SHA-1 .checksum files: a good archive imports, one changed byte fails with IMPORT_ERROR_SOME_CHECKSUMS_FAILED', async () => {
    const lab = await createLab();
    const snap = await lab.run<string>('VM.snapshot', await lab.vmByName('web-01'), 'sha1-era');
    const old = withSha1(await exportOf(lab, snap));
    expect(readTar(old).some((e) => e.name.endsWith('.checksum'))).toBe(true);
    expect(readTar(old).some((e) => e.name.endsWith('.xxhash'))).toBe(false);
    const q = `session_id=${encodeURIComponent(lab.session)}`;

    const chunk = readTar(old).find((f) => f.name.endsWith('/00000000'));
    const flipped = old.slice();
    const at = (chunk?.data.byteOffset ?? 0) + 200;
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    const vms = (await lab.call<string[]>('VM.get_all')).length;
    const bad = answerImport(lab.engine, q, flipped);
    // import.ml has answered 200 before it reads the stream: the task fails.
    expect(bad.status).toBe(200);
    expect(await lab.call('task.get_error_info', bad.headers['task-id'])).toContain('IMPORT_ERROR_SOME_CHECKSUMS_FAILED');
    expect(errorCode(bad.body)).toBe('IMPORT_ERROR_SOME_CHECKSUMS_FAILED');
    expect((await lab.call<string[]>('VM.get_all')).length).toBe(vms);

    const good = answerImport(lab.engine, q, old);
    expect(good.status, utf8Decode(good.body)).toBe(200);
    expect((await lab.call<string[]>('VM.get_by_name_label', 'sha1-era')).length).toBe(2);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);
  });

  it('restore=true keeps the VM uuid and its VIFs\' MACs; a second restore of the same VM is DUPLICATE_VM', async () => {
    const lab = await createLab();
    const vm = await lab.vmByName('web-01');
    await lab.run('VM.clean_shutdown', vm);
    const xva = await exportOf(lab, vm);
    const uuid = await lab.call<string>('VM.get_uuid', vm);
    const macs = async (ref: string) => (await Promise.all((await lab.call<string[]>('VM.get_VIFs', ref)).map((v) => lab.call<string>('VIF.get_MAC', v)))).sort();
    const originalMacs = await macs(vm);
    expect(originalMacs.length).toBeGreaterThan(0);
    const q = `session_id=${encodeURIComponent(lab.session)}`;

    // A plain import is a new VM: new uuid, new MACs.
    const task = await lab.call<string>('task.create', 'import', '');
    expect(answerImport(lab.engine, `${q}&task_id=${encodeURIComponent(task)}`, xva).status).toBe(200);
    const copy = String(await lab.call<string>('task.get_result', task)).replace(/^.*(OpaqueRef:[^<\s]+).*$/s, '$1');
    expect(await lab.call<string>('VM.get_uuid', copy)).not.toBe(uuid);
    expect((await macs(copy)).some((m) => originalMacs.includes(m))).toBe(false);

    // The original is lost; restore brings it back as it was.
    await lab.run('VM.destroy', vm);
    const restoreTask = await lab.call<string>('task.create', 'restore', '');
    const restored = answerImport(lab.engine, `${q}&restore=true&task_id=${encodeURIComponent(restoreTask)}`, xva);
    expect(restored.status, utf8Decode(restored.body)).toBe(200);
    const back = String(await lab.call<string>('task.get_result', restoreTask)).replace(/^.*(OpaqueRef:[^<\s]+).*$/s, '$1');
    expect(await lab.call<string>('VM.get_uuid', back)).toBe(uuid);
    expect(await macs(back)).toEqual(originalMacs);
    expect(await worldProblems(lab.engine, lab.session)).toEqual([]);

    const again = answerImport(lab.engine, `${q}&restore=true`, xva);
    expect(utf8Decode(again.body).split('\n')).toEqual(['DUPLICATE_VM', uuid, '']);
  });
});
