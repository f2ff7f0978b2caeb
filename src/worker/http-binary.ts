// "Binary HTTP over postMessage": the console's XVA export and import reach
// the pool's HTTP handlers (GET /export, PUT /import) through the worker's
// port, answered by the engine code that also answers the Node server
// (answerXvaRequest), so both transports send and accept the same bytes.
//   → { kind: 'http-binary', id, method, path: '/export?session_id=…&ref=…', body? }
//   ← { kind: 'http-binary', id, status, headers, body }
// Bodies are ArrayBuffers moved with the message's transfer list.
import type { HttpBinaryReply, HttpBinaryRequest } from '../xapi/lab-protocol';
import type { Engine } from '../engine/engine';
import { answerXvaRequest } from '../engine/export/export-http';
import { utf8Encode } from '../xapi/xva/utf8';

/** An ArrayBuffer holding exactly `bytes` (itself when it already does, so it can be transferred). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer;
}

const text = (id: number, status: number, body: string): HttpBinaryReply => ({
  kind: 'http-binary',
  id,
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  body: ownBuffer(utf8Encode(body)),
});

/** Answer one 'http-binary' message; `engine` is undefined while the lab loads (503). */
export function answerHttpBinary(engine: Engine | undefined, message: HttpBinaryRequest): HttpBinaryReply {
  if (engine === undefined) return text(message.id, 503, 'The lab is loading.\n');
  try {
    const body = message.body === undefined ? new Uint8Array() : new Uint8Array(message.body);
    const answer = answerXvaRequest(engine, message.method, message.path, body);
    return { kind: 'http-binary', id: message.id, status: answer.status, headers: answer.headers, body: ownBuffer(answer.body) };
  } catch (e) {
    return text(message.id, 500, `${e instanceof Error ? e.message : String(e)}\n`);
  }
}
