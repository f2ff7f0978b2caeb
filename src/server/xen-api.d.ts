// Types for the parts of Xen Orchestra's `xen-api` client (npm, plain JS, no
// bundled types) that the contract test uses. See node_modules/xen-api/index.mjs.
declare module 'xen-api' {
  /** A cached XenAPI record, wrapped by the client: fields plus $ref, $type, $id. */
  export interface XapiObject {
    readonly $id: string;
    readonly $ref: string;
    readonly $type: string;
    readonly [field: string]: unknown;
  }

  export interface XapiOptions {
    /** e.g. 'http://127.0.0.1:8080'; the JSON-RPC transport POSTs to <url>/jsonrpc. */
    url: string;
    auth?: { user: string; password: string };
    allowUnauthorized?: boolean;
    /** 'auto' (JSON-RPC, falling back to XML-RPC), 'json-rpc' or 'xml-rpc'. */
    transport?: 'auto' | 'json-rpc' | 'xml-rpc';
    /** false: no event loop; an array: only these types. */
    watchEvents?: boolean | string[];
    readOnly?: boolean;
    /** ms between event.from calls (default 200). */
    debounce?: number;
  }

  export interface Xapi {
    connect(): Promise<void>;
    disconnect(): Promise<void>;
    readonly status: 'connected' | 'connecting' | 'disconnected';
    readonly objectsFetched: Promise<void>;
    readonly objects: { readonly all: Readonly<Record<string, XapiObject>> };
    readonly pool: XapiObject;
    call(method: string, ...args: unknown[]): Promise<unknown>;
    callAsync(method: string, ...args: unknown[]): Promise<unknown>;
    getObjectByRef(ref: string): XapiObject;
    /** GET pathname on the pool (session_id added; task: a ref, true for a new one, false for none). */
    getResource(pathname: string, options?: { query?: Record<string, string>; task?: unknown }): Promise<unknown>;
    /** PUT body to pathname; resolves with the task's result when a task is used. */
    putResource(body: unknown, pathname: string, options?: { query?: Record<string, string>; task?: unknown }): Promise<unknown>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export function createClient(options: XapiOptions): Xapi;
}
