// What a page must never show in a test: console errors, uncaught exceptions,
// failed HTTP responses (and, when asked, requests that never completed).
// Returns the live list; tests expect it to stay empty.
import type { Page } from '@playwright/test';

export interface PageErrorOptions {
  /** Messages a test provokes on purpose (matched, then ignored). */
  readonly expected?: readonly RegExp[];
  /** Also count requests that failed without an answer. */
  readonly failedRequests?: boolean;
}

export function collectPageErrors(page: Page, options: PageErrorOptions = {}): string[] {
  const errors: string[] = [];
  const add = (text: string) => {
    if (!(options.expected ?? []).some((e) => e.test(text))) errors.push(text);
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') add(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => add(`pageerror: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 400) add(`HTTP ${res.status()}: ${res.url()}`);
  });
  if (options.failedRequests === true) page.on('requestfailed', (req) => add(`request failed: ${req.url()}`));
  return errors;
}
