// task.result holds the call's value as XML-RPC-encoded text on real hosts
// (e.g. "<value>OpaqueRef:…</value>"), and clients such as Xen Orchestra's parse
// it as XML-RPC. This encodes a JSON value in that form.

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function encodeInner(value: unknown): string {
  if (value === null || value === undefined) return '<nil/>';
  if (typeof value === 'string') return escapeXml(value);
  if (typeof value === 'boolean') return `<boolean>${value ? 1 : 0}</boolean>`;
  if (typeof value === 'number') return Number.isInteger(value) ? `<int>${value}</int>` : `<double>${value}</double>`;
  if (Array.isArray(value)) return `<array><data>${value.map(encodeXmlRpcValue).join('')}</data></array>`;
  const members = Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `<member><name>${escapeXml(k)}</name>${encodeXmlRpcValue(v)}</member>`)
    .join('');
  return `<struct>${members}</struct>`;
}

export function encodeXmlRpcValue(value: unknown): string {
  return `<value>${encodeInner(value)}</value>`;
}

/** A task's result text: '' for calls without a value, as xapi leaves it. */
export function encodeTaskResult(value: unknown): string {
  return value === undefined || value === null || value === '' ? '' : encodeXmlRpcValue(value);
}
