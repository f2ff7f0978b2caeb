// XAPI's RRD layout (xapi-project/xen-api, checked 2026-11 against the
// August 2026 tree: ocaml/xcp-rrdd/bin/rrdd/rrdd_shared.ml `timescales`,
// rrdd_monitor.ml `create_rras`): a primary data point (PDP) every 5 s, and
// four round-robin archives that consolidate PDPs:
//   120 rows × 1 PDP      (5 s,   the last 10 minutes)
//   120 rows × 12 PDPs    (1 min, the last 2 hours)
//   168 rows × 720 PDPs   (1 h,   the last week)
//   366 rows × 17280 PDPs (1 day, the last year)
// Every archive keeps AVERAGE. MIN and MAX are kept for the three
// consolidating archives (pdp_per_row > 1) of RRDs created with min/max:
// xapi does so for host RRDs always and for VM RRDs only when the pool's
// other_config:create_min_max_in_new_VM_RRDs is "true" when the RRD is
// created (xapi-project doc/content/xen-api/topics/metrics.md). The 5-s
// archive never has MIN/MAX (a CDP of one PDP is its own min and max).
//
// xff is 0.5 for every archive here: a consolidated point is unknown (NaN)
// when more than half of its PDPs are unknown. xapi (rrdd_monitor.ml
// create_rras) uses 0.5 for RRDs without min/max, but creates the three
// consolidating archives (AVERAGE, MIN and MAX alike) of a min/max RRD — every
// host's — with xff 1.0: a row is then never NaN for its unknowns, and a
// wholly unknown one keeps its start value (AVERAGE 0.0 clamped to the
// source's bounds). We keep 0.5 everywhere, so gaps (a reload, a host down)
// show as gaps in every graph.
//
// Row times are aligned to Unix time, as xapi's are: a 1-min row ends on a
// whole minute, a 1-h row on a whole hour, a 1-day row at 00:00 UTC.

export const PDP_STEP = 5;
export const XFF = 0.5;

export interface ArchiveSpec {
  /** Rows kept. */
  readonly rows: number;
  /** PDPs per row. */
  readonly pdps: number;
  /** Seconds per row (PDP_STEP × pdps). */
  readonly step: number;
}

export const ARCHIVES: readonly ArchiveSpec[] = [
  { rows: 120, pdps: 1, step: 5 },
  { rows: 120, pdps: 12, step: 60 },
  { rows: 168, pdps: 720, step: 3600 },
  { rows: 366, pdps: 17280, step: 86400 },
];

export type ConsolidationFunction = 'AVERAGE' | 'MIN' | 'MAX';
export const CONSOLIDATION_FUNCTIONS: readonly ConsolidationFunction[] = ['AVERAGE', 'MIN', 'MAX'];

/** Whether archive `a` has MIN and MAX for an RRD with min/max. */
export function hasMinMax(archive: number): boolean {
  return (ARCHIVES[archive]?.pdps ?? 1) > 1;
}

/** PDPs a consolidated point may miss and still be known: xapi's `unknown <= int(xff × pdp_cnt)`. */
export function allowedUnknown(archive: number): number {
  return Math.floor(XFF * (ARCHIVES[archive]?.pdps ?? 1));
}

/** The pool other_config key that gives new VM RRDs MIN/MAX archives (Xapi_globs). */
export const MIN_MAX_VM_KEY = 'create_min_max_in_new_VM_RRDs';
