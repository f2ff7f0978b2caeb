// Telling the user what an action did not do: objects it skipped (with each
// one's reason) and calls the server refused (the plain-language explanation
// first, then the XenAPI code with its parameters, refs shown by name).
import { describeError } from '../../xapi/error-descriptions';
import { isXenApiError } from '../../xapi/errors';
import { isOpaqueRef } from '../../xapi/refs';
import { showToast } from '../notifications/toast-store';
import type { CacheReader } from './action-types';
import type { Skipped } from './object-action';

const MAX_LISTED = 5;

export function skippedSummary(label: string, skipped: readonly Skipped[], ran: number): { title: string; detail: string } {
  const total = skipped.length + ran;
  const title = ran === 0 ? `${label}: nothing could run` : `${label}: ${String(skipped.length)} of ${String(total)} skipped`;
  const listed = skipped.slice(0, MAX_LISTED).map((s) => `${s.target.name} — ${s.reason}`);
  const more = skipped.length - MAX_LISTED;
  return { title, detail: more > 0 ? `${listed.join(' ')} … and ${String(more)} more.` : listed.join(' ') };
}

export function reportSkipped(label: string, skipped: readonly Skipped[], ran: number): void {
  showToast({ kind: 'info', ...skippedSummary(label, skipped, ran) });
}

/** An error as a toast's detail and code: the explanation, and `CODE(param, …)` with refs named. */
export function explainFailure(error: unknown, cache?: CacheReader): { detail: string; code?: string } {
  if (!isXenApiError(error)) return { detail: error instanceof Error ? error.message : String(error) };
  const nameOf = (p: string): string => {
    if (cache === undefined || !isOpaqueRef(p)) return p;
    const cls = cache.classOf(p);
    const rec = cls === undefined ? undefined : (cache.get(cls, p) as { name_label?: unknown } | undefined);
    return typeof rec?.name_label === 'string' && rec.name_label !== '' ? rec.name_label : p;
  };
  const detail = describeError(error.code) ?? 'The server refused the request; this console has no explanation for its error.';
  const params = error.params.map(nameOf);
  return { detail, code: params.length > 0 ? `${error.code} (${params.join(', ')})` : error.code };
}

export function reportFailure(title: string, error: unknown, cache?: CacheReader): void {
  const { detail, code } = explainFailure(error, cache);
  showToast({ kind: 'error', title, detail, ...(code !== undefined ? { code } : {}) });
}
