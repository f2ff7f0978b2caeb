// Object icons as XenCenter draws them (XenAdmin/Images.cs, XenModel/Icons.cs):
// a VM with its power state (paused uses the suspended icon) and an orange
// "busy" badge while an operation runs; default and custom templates;
// snapshots; servers connected, in maintenance mode (disabled) or disconnected
// (not live); pools; SRs shared, local or ISO; networks; virtual disks; and the
// tree's folders, tags and root. Small inline SVGs, hidden from assistive
// technology: the state is said in words next to them.
import type { ReactNode } from 'react';
import { useObject } from '../cache/use-cache';
import { hostCutWords, hostDownWords, srFailed } from './fault-words';

export type IconKind =
  | 'root'
  | 'objects'
  | 'folder'
  | 'tag'
  | 'pool'
  | 'host'
  | 'host-maintenance'
  | 'host-disconnected'
  | 'host-off'
  | 'host-fault'
  | 'vm'
  | 'vm-running'
  | 'vm-halted'
  | 'vm-suspended'
  | 'vm-busy'
  | 'vm-unreachable'
  | 'template'
  | 'template-custom'
  | 'snapshot'
  | 'sr-shared'
  | 'sr-local'
  | 'sr-iso'
  | 'sr-failed'
  | 'network'
  | 'vdi'
  | 'alerts'
  | 'events';

/** The fields of a record the icon looks at (any XenAPI record has some of them). */
export interface IconRecord {
  readonly power_state?: string;
  readonly current_operations?: { readonly [key: string]: string };
  readonly is_a_template?: boolean;
  readonly is_default_template?: boolean;
  readonly is_a_snapshot?: boolean;
  readonly enabled?: boolean;
  readonly metrics?: string;
  readonly shared?: boolean;
  readonly content_type?: string;
  readonly type?: string;
  /** Simulated faults live here (fault-words.ts). */
  readonly other_config?: { readonly [key: string]: string };
}

function busy(record: IconRecord): boolean {
  return record.current_operations !== undefined && Object.keys(record.current_operations).length > 0;
}

/**
 * Which icon an object shows. `hostLive` is its host_metrics.live (hosts only);
 * `residentReachable` is false for a VM whose server is down or not answering.
 */
export function objectIconKind(cls: string, record: IconRecord | undefined, hostLive = true, residentReachable = true): IconKind {
  switch (cls) {
    case 'pool':
      return 'pool';
    case 'host':
      if (hostDownWords(record?.other_config) !== undefined) return 'host-off';
      if (hostCutWords(record?.other_config).length > 0) return 'host-fault';
      if (!hostLive) return 'host-disconnected';
      return record?.enabled === false || (record !== undefined && busy(record)) ? 'host-maintenance' : 'host';
    case 'VM':
      if (record === undefined) return 'vm';
      if (record.is_a_snapshot === true) return 'snapshot';
      if (record.is_a_template === true) return record.is_default_template === true ? 'template' : 'template-custom';
      if (busy(record)) return 'vm-busy';
      if (!residentReachable && (record.power_state === 'Running' || record.power_state === 'Paused')) return 'vm-unreachable';
      switch (record.power_state) {
        case 'Running':
          return 'vm-running';
        case 'Paused':
        case 'Suspended':
          return 'vm-suspended';
        default:
          return 'vm-halted';
      }
    case 'SR':
      if (record?.content_type === 'iso' || record?.type === 'iso') return 'sr-iso';
      if (srFailed(record?.other_config)) return 'sr-failed';
      return record?.shared === true ? 'sr-shared' : 'sr-local';
    case 'network':
      return 'network';
    case 'VDI':
      return 'vdi';
    default:
      return 'objects';
  }
}

/** An object's icon, from its record (a server's also from its metrics). */
export function ObjectIcon({ cls, record }: { cls: string; record: IconRecord | undefined }) {
  const metrics = useObject('host_metrics', cls === 'host' ? record?.metrics : undefined);
  return <IconGlyph kind={objectIconKind(cls, record, cls !== 'host' || metrics === undefined || metrics.live)} />;
}

const STROKE = '#475569';

function Badge({ color, children }: { color: string; children?: ReactNode }) {
  return (
    <g>
      <circle cx="12" cy="12" r="3.6" fill={color} stroke="#fff" strokeWidth="1" />
      {children}
    </g>
  );
}

function Monitor({ fill = '#dbeafe' }: { fill?: string }) {
  return (
    <g>
      <rect x="1.5" y="2.5" width="12" height="8.5" rx="1" fill={fill} stroke={STROKE} />
      <rect x="5" y="12" width="5" height="1.6" fill={STROKE} />
    </g>
  );
}

function Server({ fill = '#e2e8f0', x = 0, y = 0 }: { fill?: string; x?: number; y?: number }) {
  return (
    <g transform={`translate(${String(x)} ${String(y)})`}>
      <rect x="2.5" y="1.5" width="10" height="12" rx="1" fill={fill} stroke={STROKE} />
      <path d="M4.5 4.5h6M4.5 7h6M4.5 9.5h6" stroke={STROKE} strokeWidth="0.9" />
      <circle cx="10.5" cy="11.7" r="0.7" fill="#16a34a" />
    </g>
  );
}

function Cylinder({ fill }: { fill: string }) {
  return (
    <g>
      <path d="M2.5 3.5v9c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2v-9" fill={fill} stroke={STROKE} />
      <ellipse cx="8" cy="3.5" rx="5.5" ry="2" fill={fill} stroke={STROKE} />
      <path d="M2.5 8c0 1.1 2.5 2 5.5 2s5.5-.9 5.5-2" fill="none" stroke={STROKE} strokeWidth="0.8" />
    </g>
  );
}

function Page({ fill }: { fill: string }) {
  return (
    <g>
      <path d="M3 1.5h6.5l3.5 3.5v9.5H3z" fill={fill} stroke={STROKE} strokeLinejoin="round" />
      <path d="M9.5 1.5V5H13" fill="none" stroke={STROKE} />
      <path d="M5 7.5h6M5 9.7h6M5 11.9h4" stroke={STROKE} strokeWidth="0.8" />
    </g>
  );
}

function glyph(kind: IconKind): ReactNode {
  switch (kind) {
    case 'root':
      return (
        <g>
          <rect x="1" y="1" width="14" height="14" rx="3" fill="#1d4ed8" />
          <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
        </g>
      );
    case 'objects':
      return (
        <g fill="#93c5fd" stroke={STROKE} strokeWidth="0.9">
          <rect x="1.5" y="1.5" width="5.5" height="5.5" rx="0.8" />
          <rect x="9" y="1.5" width="5.5" height="5.5" rx="0.8" />
          <rect x="1.5" y="9" width="5.5" height="5.5" rx="0.8" />
          <rect x="9" y="9" width="5.5" height="5.5" rx="0.8" />
        </g>
      );
    case 'folder':
      return <path d="M1.5 3.5h4.5l1.5 1.5h7v8.5h-13z" fill="#fcd34d" stroke="#a16207" strokeLinejoin="round" />;
    case 'tag':
      return (
        <g>
          <path d="M1.5 2.5v5l7 7 6-6-7-7h-5z" fill="#fdba74" stroke="#9a3412" strokeLinejoin="round" />
          <circle cx="4.8" cy="5" r="1.2" fill="#fff" stroke="#9a3412" strokeWidth="0.8" />
        </g>
      );
    case 'pool':
      return (
        <g>
          <Server x={2} y={-1} fill="#cbd5e1" />
          <Server x={-1} y={2} />
        </g>
      );
    case 'host':
      return <Server />;
    case 'host-maintenance':
      return (
        <g>
          <Server />
          <Badge color="#ea580c">
            <path d="M12 10v2.5M12 13.6v.1" stroke="#fff" strokeWidth="1.3" strokeLinecap="round" />
          </Badge>
        </g>
      );
    case 'host-disconnected':
      return (
        <g>
          <Server fill="#cbd5e1" />
          <Badge color="#dc2626">
            <path d="M10.6 10.6l2.8 2.8M13.4 10.6l-2.8 2.8" stroke="#fff" strokeWidth="1.2" strokeLinecap="round" />
          </Badge>
        </g>
      );
    case 'host-off':
      return (
        <g>
          <Server fill="#cbd5e1" />
          <Badge color="#475569">
            <path d="M12 9.9v1.9M10.7 10.9a1.9 1.9 0 1 0 2.6 0" fill="none" stroke="#fff" strokeWidth="1" strokeLinecap="round" />
          </Badge>
        </g>
      );
    case 'host-fault':
      return (
        <g>
          <Server />
          <Badge color="#dc2626">
            <path d="M12.6 9.9l-1.6 2.3h1.8l-1.4 2" fill="none" stroke="#fff" strokeWidth="0.9" strokeLinejoin="round" />
          </Badge>
        </g>
      );
    case 'vm':
      return <Monitor />;
    case 'vm-unreachable':
      return (
        <g>
          <Monitor fill="#e5e7eb" />
          <Badge color="#64748b">
            <path d="M11 11a1 1 0 1 1 1.3 1l-.3.4v.3M12 13.9v.1" fill="none" stroke="#fff" strokeWidth="0.9" strokeLinecap="round" />
          </Badge>
        </g>
      );
    case 'vm-running':
      return (
        <g>
          <Monitor />
          <Badge color="#16a34a">
            <path d="M11 10.3v3.4l2.8-1.7z" fill="#fff" />
          </Badge>
        </g>
      );
    case 'vm-halted':
      return (
        <g>
          <Monitor fill="#e5e7eb" />
          <Badge color="#dc2626">
            <rect x="10.6" y="10.6" width="2.8" height="2.8" fill="#fff" />
          </Badge>
        </g>
      );
    case 'vm-suspended':
      return (
        <g>
          <Monitor />
          <Badge color="#ca8a04">
            <path d="M11 10.4v3.2M13 10.4v3.2" stroke="#fff" strokeWidth="1.2" />
          </Badge>
        </g>
      );
    case 'vm-busy':
      return (
        <g>
          <Monitor />
          <Badge color="#f97316">
            <path d="M10.3 12h.1M12 12h.1M13.7 12h.1" stroke="#fff" strokeWidth="1.4" strokeLinecap="round" />
          </Badge>
        </g>
      );
    case 'template':
      return <Page fill="#e0e7ff" />;
    case 'template-custom':
      return (
        <g>
          <Page fill="#dcfce7" />
          <Badge color="#15803d">
            <path d="M12 10.3v3.4M10.3 12h3.4" stroke="#fff" strokeWidth="1.2" />
          </Badge>
        </g>
      );
    case 'snapshot':
      return (
        <g>
          <path d="M1.5 5h3l1.2-1.8h4.6L11.5 5h3v8h-13z" fill="#e0f2fe" stroke={STROKE} strokeLinejoin="round" />
          <circle cx="8" cy="9" r="2.5" fill="#fff" stroke={STROKE} />
        </g>
      );
    case 'sr-shared':
      return <Cylinder fill="#bfdbfe" />;
    case 'sr-local':
      return <Cylinder fill="#e5e7eb" />;
    case 'sr-failed':
      return (
        <g>
          <Cylinder fill="#e5e7eb" />
          <Badge color="#dc2626">
            <path d="M10.6 10.6l2.8 2.8M13.4 10.6l-2.8 2.8" stroke="#fff" strokeWidth="1.2" strokeLinecap="round" />
          </Badge>
        </g>
      );
    case 'sr-iso':
      return (
        <g>
          <circle cx="8" cy="8" r="6.5" fill="#e2e8f0" stroke={STROKE} />
          <circle cx="8" cy="8" r="4" fill="none" stroke="#94a3b8" strokeWidth="0.8" />
          <circle cx="8" cy="8" r="1.4" fill="#fff" stroke={STROKE} />
        </g>
      );
    case 'network':
      return (
        <g stroke={STROKE}>
          <path d="M8 4.5v3.5M3.5 11V8h9v3" fill="none" />
          <rect x="5.5" y="1" width="5" height="3.5" rx="0.6" fill="#a5f3fc" />
          <rect x="1" y="11" width="5" height="3.5" rx="0.6" fill="#a5f3fc" />
          <rect x="10" y="11" width="5" height="3.5" rx="0.6" fill="#a5f3fc" />
        </g>
      );
    case 'vdi':
      return (
        <g>
          <rect x="1.5" y="4" width="13" height="8" rx="1.5" fill="#e5e7eb" stroke={STROKE} />
          <path d="M3.5 9.5h6" stroke={STROKE} strokeWidth="0.8" />
          <circle cx="12" cy="9.5" r="0.8" fill="#16a34a" />
        </g>
      );
    case 'alerts':
      return (
        <g>
          <path d="M8 1.5l6.8 12.5H1.2z" fill="#fde047" stroke="#a16207" strokeLinejoin="round" />
          <path d="M8 6v4M8 11.8v.2" stroke="#713f12" strokeWidth="1.4" strokeLinecap="round" />
        </g>
      );
    case 'events':
      return (
        <g>
          <circle cx="8" cy="8" r="6.5" fill="#e0f2fe" stroke={STROKE} />
          <path d="M8 4v4.3l2.8 1.7" fill="none" stroke={STROKE} strokeWidth="1.2" strokeLinecap="round" />
        </g>
      );
  }
}

/** One icon, 16×16 CSS pixels, decorative. */
export function IconGlyph({ kind, className = '' }: { kind: IconKind; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false" className={`shrink-0 ${className}`} data-icon={kind}>
      {glyph(kind)}
    </svg>
  );
}
