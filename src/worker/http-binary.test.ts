// 'http-binary' over the worker's port: the console's XVA client (exportXva,
// importXva) through createPortTransport to the worker's handler gets the
// bytes the Node server's handler sends, with the bodies moved in the
// messages' transfer lists; the pool's refusals arrive as XenAPI errors.
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { answerExport } from '../engine/export/export-http';
import { WORLDS } from '../engine/worlds/world-by-name';
import type { FromWorker, ToWorker } from '../xapi/lab-protocol';
import { createPortTransport, type PortLike } from '../xapi/port-transport';
import { exportXva, importXva, readXvaSummary } from '../xapi/xva/xva-client';
import { answerHttpBinary } from './http-binary';

/** A port whose other end is the worker's handler, recording what each message transferred. */
function workerPort(engine: Engine | undefined) {
  const listeners = new Set<(event: { readonly data: unknown }) => void>();
  const transfers: { to: number; from: number }[] = [];
  const port: PortLike = {
    postMessage(message: ToWorker, options?: { transfer: ArrayBuffer[] }) {
      if (message.kind !== 'http-binary') return;
      const reply: FromWorker = answerHttpBinary(engine, message);
      transfers.push({ to: options?.transfer.length ?? 0, from: reply.kind === 'http-binary' ? 1 : 0 });
      queueMicrotask(() => listeners.forEach((l) => l({ data: reply })));
    },
    addEventListener: (_type, l) => listeners.add(l),
    removeEventListener: (_type, l) => listeners.delete(l),
  };
  return { port, transfers };
}

async function lab() {
  const engine = Engine.create({ seed: 5, build: WORLDS.default });
  const session = (await engine.call('session.login_with_password', ['root', 'xenlab', '2.21', 'http-binary.test'])) as string;
  const call = (method: string, ...args: unknown[]) => engine.call(method, [session, ...args]);
  return { engine, session, call };
}

describe('http-binary', () => {
  it('exports over the port the bytes the Node server sends, and imports them back as a new VM', async () => {
    const { engine, session, call } = await lab();
    const [vm = ''] = (await call('VM.get_by_name_label', 'web-01')) as string[];
    const halt = (await call('Async.VM.clean_shutdown', vm)) as string;
    engine.advance(120);
    await engine.tasks.wait(halt);
    const { port, transfers } = workerPort(engine);
    const transport = createPortTransport(port);

    const task = (await call('task.create', 'Export', '')) as string;
    const bytes = await exportXva(transport.httpBinary, session, vm, task);
    expect(await call('task.get_status', task)).toBe('success');
    // One implementation: the worker's answer is the HTTP handler's, byte for byte.
    const http = answerExport(engine, `session_id=${encodeURIComponent(session)}&ref=${encodeURIComponent(vm)}`);
    expect(bytes).toEqual(http.body);
    const [summary] = readXvaSummary(bytes);
    expect(summary).toMatchObject({ name: 'web-01', isTemplate: false });
    expect(summary?.vifs.length).toBeGreaterThan(0);
    expect(summary?.disks.length).toBeGreaterThan(0);

    const importTask = (await call('task.create', 'Import', '')) as string;
    await importXva(transport.httpBinary, session, bytes, { task: importTask });
    expect(await call('task.get_status', importTask)).toBe('success');
    expect(((await call('VM.get_by_name_label', 'web-01')) as string[]).length).toBe(2);
    // The GET answer's body and the PUT's body were transferred, not copied.
    expect(transfers).toEqual([
      { to: 0, from: 1 },
      { to: 1, from: 1 },
    ]);
  });

  it("brings the pool's refusals back as XenAPI errors, and 503 while the lab loads", async () => {
    const { engine, session, call } = await lab();
    const [vm = ''] = (await call('VM.get_by_name_label', 'web-01')) as string[];
    const transport = createPortTransport(workerPort(engine).port);
    await expect(exportXva(transport.httpBinary, session, vm)).rejects.toMatchObject({ code: 'VM_BAD_POWER_STATE' });
    await expect(exportXva(transport.httpBinary, 'OpaqueRef:nobody', vm)).rejects.toMatchObject({ code: 'SESSION_INVALID' });
    await expect(importXva(transport.httpBinary, session, new Uint8Array(1024))).rejects.toMatchObject({ code: 'IMPORT_ERROR_PREMATURE_EOF' });
    expect(() => readXvaSummary(new Uint8Array(100))).toThrow(/not an XVA/);
    const loading = createPortTransport(workerPort(undefined).port);
    await expect(loading.httpBinary('GET', '/export')).resolves.toMatchObject({ status: 503 });
  });
});
