// What a template says about itself in XML strings: the <restrictions> in
// VM.recommendations (limits XenCenter reads: vcpus-max, memory-static-max,
// number-of-vifs …) and the <provision> spec in other_config 'disks' (the
// disks VM.provision would make). Parsed with regular expressions: the
// console must not need a DOM parser for this (it is tested in Node), and
// both formats are flat lists of attribute-only elements.

export interface Restriction {
  readonly field?: string;
  readonly property?: string;
  readonly min?: string;
  readonly max?: string;
  readonly value?: string;
}

const ELEMENT = /<(restriction|disk)\b([^>]*?)\/?>/g;
const ATTRIBUTE = /([\w-]+)\s*=\s*"([^"]*)"/g;

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function elements(xml: string, tag: 'restriction' | 'disk'): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(ELEMENT)) {
    if (m[1] !== tag) continue;
    const attrs: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(ATTRIBUTE)) if (a[1] !== undefined) attrs[a[1]] = unescapeXml(a[2] ?? '');
    out.push(attrs);
  }
  return out;
}

export function parseRestrictions(xml: string): Restriction[] {
  return elements(xml, 'restriction');
}

function restrictionOf(xml: string, name: string): Restriction | undefined {
  return parseRestrictions(xml).find((r) => r.field === name || r.property === name);
}

function intOr(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) ? n : fallback;
}

// Backstops when a template carries no restriction (XenCenter's VM.cs DEFAULT_NUM_VIFS_ALLOWED …).
// vCPUs: XenServer 8 allows 32, and 64 for guests whose template says so (the engine checks the same).
export const DEFAULT_MAX_VCPUS = 32;
export const MAX_VCPUS = 64;
export const DEFAULT_MAX_VIFS = 7;
export const DEFAULT_MAX_VBDS = 255;
export const DEFAULT_MAX_MEMORY = 1024 ** 4;

export interface TemplateLimits {
  readonly maxVcpus: number;
  readonly minVcpus: number;
  readonly maxMemory: number;
  readonly maxVifs: number;
  readonly maxVbds: number;
}

export function templateLimits(recommendations: string): TemplateLimits {
  return {
    maxVcpus: Math.min(MAX_VCPUS, intOr(restrictionOf(recommendations, 'vcpus-max')?.max, DEFAULT_MAX_VCPUS)),
    minVcpus: intOr(restrictionOf(recommendations, 'vcpus-min')?.min, 1),
    maxMemory: intOr(restrictionOf(recommendations, 'memory-static-max')?.max, DEFAULT_MAX_MEMORY),
    maxVifs: intOr(restrictionOf(recommendations, 'number-of-vifs')?.max, DEFAULT_MAX_VIFS),
    maxVbds: intOr(restrictionOf(recommendations, 'number-of-vbds')?.max, DEFAULT_MAX_VBDS),
  };
}

/** One disk of a template's provision spec. */
export interface ProvisionDisk {
  readonly device: string;
  readonly size: number;
  /** An SR uuid the template suggests ('' for none). */
  readonly sr: string;
  readonly bootable: boolean;
  readonly type: string;
}

export function parseProvisionDisks(xml: string | undefined): ProvisionDisk[] {
  if (xml === undefined || xml === '') return [];
  return elements(xml, 'disk').map((d) => ({
    device: d['device'] ?? '0',
    size: intOr(d['size'], 0),
    sr: d['sr'] ?? '',
    bootable: d['bootable'] === 'true',
    type: d['type'] ?? 'system',
  }));
}
