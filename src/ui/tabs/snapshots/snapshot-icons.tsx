// XenCenter's four snapshot icons — disks only, disks and memory, each with
// a "scheduled" variant (a clock) — and the VM icon of the "Now" marker.
// Decorative: the label beside each says the same in words.

function Clock() {
  return (
    <g>
      <circle cx="12.5" cy="12.5" r="3.3" fill="#fff" stroke="#7c3aed" strokeWidth="1.1" />
      <path d="M12.5 10.6v2l1.3 0.9" stroke="#7c3aed" strokeWidth="1" fill="none" strokeLinecap="round" />
    </g>
  );
}

export function SnapshotIcon({ memory, scheduled, size = 18 }: { memory: boolean; scheduled: boolean; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="shrink-0">
      {/* A disk (cylinder) … */}
      <ellipse cx="6.5" cy="4" rx="5" ry="2" fill="#cbd5e1" stroke="#475569" />
      <path d="M1.5 4v7c0 1.1 2.2 2 5 2s5-0.9 5-2V4" fill="#e2e8f0" stroke="#475569" />
      <ellipse cx="6.5" cy="4" rx="5" ry="2" fill="#f1f5f9" stroke="#475569" />
      {/* … with a memory module for disks and memory. */}
      {memory && (
        <g>
          <rect x="8" y="6.5" width="7" height="4.5" rx="0.5" fill="#16a34a" stroke="#14532d" strokeWidth="0.8" />
          <path d="M9.5 11v1.3M11.5 11v1.3M13.5 11v1.3" stroke="#14532d" strokeWidth="0.8" />
        </g>
      )}
      {scheduled && <Clock />}
    </svg>
  );
}

export function NowIcon({ size = 18 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="shrink-0">
      <rect x="1.5" y="2.5" width="13" height="9" rx="1" fill="#dbeafe" stroke="#1d4ed8" />
      <path d="M5 14h6" stroke="#1d4ed8" strokeWidth="1.4" strokeLinecap="round" />
      <path d="M6.5 5v4l3.5-2z" fill="#1d4ed8" />
    </svg>
  );
}
