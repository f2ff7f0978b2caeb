// One XML-RPC request body in, one response body out: XenAPI's original wire
// protocol (doc: wire-protocol.md), which xapi serves at POST / (and every
// other POST path its handlers do not claim) and which Xen Orchestra's
// `xen-api` client uses as its `xml-rpc` transport (POST /xmlrpc).
//   request   <methodCall><methodName>VM.start</methodName><params><param><value>…
//   success   <methodResponse><params><param><value><struct>
//               Status: "Success", Value: <the result>
//   failure   … Status: "Failure", ErrorDescription: ["CODE", …params]
// A body that is not an XML-RPC methodCall gets a standard XML-RPC <fault>
// (codes as the JSON-RPC side uses: -32700 parse error). This never throws.
import type { Engine } from '../engine/engine';
import { XenApiError, isXenApiError } from '../xapi/errors';
import { PARSE_ERROR } from '../xapi/jsonrpc';
import { decodeXmlRpcMethodCall, encodeXmlRpcValue, type XmlRpcMethodCall } from '../xapi/xmlrpc-value';
import { encodeXmlRpcResult } from './xmlrpc-typed';

/** Exactly this: xen-api compares the Content-Type header with 'text/xml' as a whole. */
export const XMLRPC_CONTENT_TYPE = 'text/xml';

function document(inner: string): string {
  return `<?xml version="1.0"?><methodResponse>${inner}</methodResponse>`;
}

function response(status: 'Success' | 'Failure', member: string): string {
  return document(`<params><param><value><struct><member><name>Status</name><value>${status}</value></member>${member}</struct></value></param></params>`);
}

export function xmlRpcSuccess(method: string, value: unknown): string {
  // A void result travels as "", as on the JSON-RPC side.
  return response('Success', `<member><name>Value</name>${encodeXmlRpcResult(method, value === undefined ? '' : value)}</member>`);
}

export function xmlRpcFailure(error: XenApiError): string {
  return response('Failure', `<member><name>ErrorDescription</name>${encodeXmlRpcValue(error.toArray())}</member>`);
}

export function xmlRpcFault(code: number, message: string): string {
  return document(`<fault>${encodeXmlRpcValue({ faultCode: code, faultString: message })}</fault>`);
}

function internalError(e: unknown): XenApiError {
  return new XenApiError('INTERNAL_ERROR', [e instanceof Error ? e.message : String(e)]);
}

export async function xmlRpcResponseFor(engine: Engine, body: string): Promise<string> {
  let call: XmlRpcMethodCall;
  try {
    call = decodeXmlRpcMethodCall(body);
  } catch (e) {
    // Bad XML, an unknown XML-RPC type, nesting deep enough to overflow the stack: all one answer.
    return xmlRpcFault(PARSE_ERROR, `Parse error: ${e instanceof Error ? e.message : String(e)}`);
  }
  let outcome: string;
  try {
    outcome = xmlRpcSuccess(call.methodName, await engine.call(call.methodName, call.params));
  } catch (e) {
    outcome = xmlRpcFailure(isXenApiError(e) ? e : internalError(e));
  }
  return outcome;
}
