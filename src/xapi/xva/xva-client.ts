// The console's side of XVA export and import (what XenCenter's
// ExportVmAction / ImportVmAction do over HTTP): GET /export and PUT /import
// with the session and a task the caller created (task.create) and watches,
// through whatever carries binary HTTP to the pool (HttpBinary: the lab
// worker's port). A refusal comes back as the XenAPI error the pool's handler
// wrote (its body: the code, then one parameter a line); 401 is
// SESSION_INVALID. Also what the Import wizard shows of a chosen file before
// it is sent: the VMs in its ova.xml, their disks and their networks.
import { XenApiError } from '../errors';
import { TransportError } from '../transport';
import { decodeOvaXml, OvaXmlError, type ExportObject } from './ova-xml';
import { readTar, TarFormatError } from './tar';
import { utf8Decode } from './utf8';

export interface HttpBinaryAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** A binary HTTP exchange with the pool; rejects only when the request cannot be carried. */
export type HttpBinary = (method: 'GET' | 'PUT', path: string, body?: Uint8Array) => Promise<HttpBinaryAnswer>;

const q = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${encodeURIComponent(v)}`]))
    .join('&');

function failure(answer: HttpBinaryAnswer): Error {
  if (answer.status === 401) return new XenApiError('SESSION_INVALID', []);
  const lines = utf8Decode(answer.body).split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [code, ...params] = lines;
  if (code !== undefined && /^[A-Z0-9_]+$/.test(code)) return new XenApiError(code, params);
  return new TransportError(`the pool answered HTTP ${String(answer.status)}`, { status: answer.status });
}

/** VM.export of `vm` (a VM, template or snapshot) as XVA bytes, under `task`. */
export async function exportXva(http: HttpBinary, session: string, vm: string, task?: string): Promise<Uint8Array> {
  const answer = await http('GET', `/export?${q({ session_id: session, ref: vm, task_id: task })}`);
  if (answer.status !== 200) throw failure(answer);
  return answer.body;
}

export interface ImportXvaOptions {
  /** The SR for the disks (omitted: the pool's default SR). */
  readonly sr?: string;
  readonly task?: string;
  /** Keep the VM's uuid and MACs (xapi's restore=true). */
  readonly restore?: boolean;
}

/** VM.import of XVA `bytes`; the new VMs are the task's result. */
export async function importXva(http: HttpBinary, session: string, bytes: Uint8Array, options: ImportXvaOptions = {}): Promise<void> {
  const query = q({ session_id: session, sr_id: options.sr, task_id: options.task, restore: options.restore === true ? 'true' : undefined });
  const answer = await http('PUT', `/import?${query}`, bytes);
  // As import.ml, the pool answers 200 before it reads the stream, so a bad
  // XVA fails the task; the lab's handler also writes that error in the body.
  if (answer.status !== 200 || answer.body.length > 0) throw failure(answer);
}

export interface XvaVmSummary {
  readonly name: string;
  readonly description: string;
  readonly isTemplate: boolean;
  readonly vcpus: number;
  readonly memory: number;
  /** Disk sizes in bytes (CD drives left out). */
  readonly disks: readonly { readonly name: string; readonly size: number }[];
  /** The VIFs, by device, with the name of the network they were on. */
  readonly vifs: readonly { readonly device: string; readonly network: string }[];
}

const str = (o: ExportObject | undefined, field: string) => {
  const v = o?.snapshot[field];
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
};
const list = (o: ExportObject | undefined, field: string) => {
  const v = o?.snapshot[field];
  return Array.isArray(v) ? v.map(String) : [];
};

/** What an XVA holds, read from its ova.xml; throws a readable Error when it is not an XVA. */
export function readXvaSummary(bytes: Uint8Array): XvaVmSummary[] {
  let header;
  try {
    const [first] = readTar(bytes);
    if (first?.name !== 'ova.xml') throw new Error('its first file is not ova.xml');
    header = decodeOvaXml(utf8Decode(first.data));
  } catch (e) {
    const why = e instanceof TarFormatError || e instanceof OvaXmlError || e instanceof Error ? e.message : String(e);
    throw new Error(`This is not an XVA file (${why}).`, { cause: e });
  }
  const byId = new Map(header.objects.map((o) => [o.id, o]));
  return header.objects
    .filter((o) => o.cls === 'VM')
    .map((vm) => ({
      name: str(vm, 'name_label'),
      description: str(vm, 'name_description'),
      isTemplate: ['1', 'true'].includes(str(vm, 'is_a_template')),
      vcpus: Number(str(vm, 'VCPUs_max')) || 0,
      memory: Number(str(vm, 'memory_static_max')) || 0,
      disks: list(vm, 'VBDs').flatMap((id) => {
        const vbd = byId.get(id);
        const vdi = byId.get(str(vbd, 'VDI'));
        return str(vbd, 'type') === 'CD' || vdi === undefined ? [] : [{ name: str(vdi, 'name_label'), size: Number(str(vdi, 'virtual_size')) || 0 }];
      }),
      vifs: list(vm, 'VIFs').map((id) => {
        const vif = byId.get(id);
        return { device: str(vif, 'device'), network: str(byId.get(str(vif, 'network')), 'name_label') };
      }),
    }));
}
