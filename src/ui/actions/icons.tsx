// Small inline icons for the commands, after XenCenter's: a green power-on,
// a red shut down, arrows for reboot and history. Decorative (aria-hidden):
// every control also has a visible text label.
import type { ReactElement } from 'react';

export type IconName =
  | 'start'
  | 'shutdown'
  | 'force-shutdown'
  | 'reboot'
  | 'force-reboot'
  | 'suspend'
  | 'resume'
  | 'pause'
  | 'delete'
  | 'properties'
  | 'back'
  | 'forward'
  | 'server'
  | 'server-optimal'
  | 'server-home'
  | 'new-vm'
  | 'copy'
  | 'template'
  | 'snapshot'
  | 'revert';

const PATHS: Readonly<Record<IconName, ReactElement>> = {
  start: (
    <>
      <circle cx="8" cy="8" r="7" fill="#16a34a" />
      <path d="M6.2 4.8v6.4L11.2 8z" fill="#fff" />
    </>
  ),
  shutdown: (
    <>
      <circle cx="8" cy="8" r="7" fill="#dc2626" />
      <rect x="5.3" y="5.3" width="5.4" height="5.4" fill="#fff" />
    </>
  ),
  'force-shutdown': (
    <>
      <circle cx="8" cy="8" r="7" fill="#991b1b" />
      <path d="M8 3.6v4.2" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
      <path d="M5.3 5.4a3.8 3.8 0 1 0 5.4 0" stroke="#fff" strokeWidth="1.6" fill="none" strokeLinecap="round" />
    </>
  ),
  reboot: (
    <>
      <path d="M12.6 8a4.6 4.6 0 1 1-1.4-3.3" stroke="#15803d" strokeWidth="2" fill="none" strokeLinecap="round" />
      <path d="M13.6 2.2v4.2H9.4z" fill="#15803d" />
    </>
  ),
  'force-reboot': (
    <>
      <path d="M12.6 8a4.6 4.6 0 1 1-1.4-3.3" stroke="#b91c1c" strokeWidth="2" fill="none" strokeLinecap="round" />
      <path d="M13.6 2.2v4.2H9.4z" fill="#b91c1c" />
    </>
  ),
  suspend: (
    <>
      <circle cx="8" cy="8" r="7" fill="#2563eb" />
      <rect x="5.2" y="4.8" width="2" height="6.4" fill="#fff" />
      <rect x="8.8" y="4.8" width="2" height="6.4" fill="#fff" />
    </>
  ),
  resume: (
    <>
      <circle cx="8" cy="8" r="7" fill="#16a34a" />
      <rect x="4.6" y="4.8" width="1.6" height="6.4" fill="#fff" />
      <path d="M7.4 4.8v6.4L12 8z" fill="#fff" />
    </>
  ),
  pause: (
    <>
      <circle cx="8" cy="8" r="7" fill="#d97706" />
      <rect x="5.2" y="4.8" width="2" height="6.4" fill="#fff" />
      <rect x="8.8" y="4.8" width="2" height="6.4" fill="#fff" />
    </>
  ),
  delete: <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="#dc2626" strokeWidth="2.2" strokeLinecap="round" />,
  properties: (
    <>
      <rect x="2.5" y="1.5" width="11" height="13" rx="1" fill="#fff" stroke="#475569" />
      <path d="M5 5h6M5 8h6M5 11h4" stroke="#475569" strokeWidth="1.2" />
    </>
  ),
  back: (
    <>
      <circle cx="8" cy="8" r="7" fill="#0f766e" />
      <path d="M9.6 4.4L6 8l3.6 3.6" stroke="#fff" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  forward: (
    <>
      <circle cx="8" cy="8" r="7" fill="#0f766e" />
      <path d="M6.4 4.4L10 8l-3.6 3.6" stroke="#fff" strokeWidth="1.8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  server: (
    <>
      <rect x="2" y="2.5" width="12" height="4.5" rx="0.8" fill="#e2e8f0" stroke="#475569" />
      <rect x="2" y="9" width="12" height="4.5" rx="0.8" fill="#e2e8f0" stroke="#475569" />
      <circle cx="11.5" cy="4.75" r="0.9" fill="#16a34a" />
      <circle cx="11.5" cy="11.25" r="0.9" fill="#16a34a" />
    </>
  ),
  // XenCenter's _000_ServerWlb: a server with a gold star.
  'server-optimal': (
    <>
      <rect x="1" y="2.5" width="10" height="4.5" rx="0.8" fill="#e2e8f0" stroke="#475569" />
      <rect x="1" y="9" width="10" height="4.5" rx="0.8" fill="#e2e8f0" stroke="#475569" />
      <path d="M12.3 6.6l1 2 2.2.3-1.6 1.5.4 2.2-2-1-2 1 .4-2.2-1.6-1.5 2.2-.3z" fill="#f59e0b" stroke="#92400e" strokeWidth="0.5" />
    </>
  ),
  // XenCenter's _000_ServerHome: a server with a small house.
  'server-home': (
    <>
      <rect x="1" y="2.5" width="10" height="4.5" rx="0.8" fill="#e2e8f0" stroke="#475569" />
      <rect x="1" y="9" width="10" height="4.5" rx="0.8" fill="#e2e8f0" stroke="#475569" />
      <path d="M9.5 10.5l3-2.7 3 2.7v4h-6z" fill="#60a5fa" stroke="#1e3a8a" strokeWidth="0.6" strokeLinejoin="round" />
    </>
  ),
  'new-vm': (
    <>
      <rect x="1.5" y="3" width="10" height="8" rx="1" fill="#dbeafe" stroke="#1d4ed8" />
      <path d="M4 13.5h5" stroke="#1d4ed8" strokeWidth="1.4" strokeLinecap="round" />
      <circle cx="12" cy="11" r="3.5" fill="#16a34a" />
      <path d="M12 9v4M10 11h4" stroke="#fff" strokeWidth="1.4" strokeLinecap="round" />
    </>
  ),
  copy: (
    <>
      <rect x="5" y="5" width="9" height="9" rx="1" fill="#e2e8f0" stroke="#475569" />
      <rect x="2" y="2" width="9" height="9" rx="1" fill="#fff" stroke="#475569" />
    </>
  ),
  template: (
    <>
      <rect x="2.5" y="2" width="11" height="12" rx="1" fill="#fef3c7" stroke="#b45309" />
      <path d="M5 5.5h6M5 8h6M5 10.5h4" stroke="#b45309" strokeWidth="1.2" strokeLinecap="round" />
    </>
  ),
  // A camera, as XenCenter's Take Snapshot.
  snapshot: (
    <>
      <rect x="1.5" y="4.5" width="13" height="9" rx="1.2" fill="#e0f2fe" stroke="#0369a1" />
      <path d="M5.5 4.5l1-2h3l1 2" fill="#e0f2fe" stroke="#0369a1" />
      <circle cx="8" cy="9" r="2.6" fill="#fff" stroke="#0369a1" strokeWidth="1.3" />
    </>
  ),
  // Back to a saved state: an arrow turning back.
  revert: (
    <>
      <path d="M4 6.5h6a3.5 3.5 0 0 1 0 7H6" stroke="#0369a1" strokeWidth="1.8" fill="none" strokeLinecap="round" />
      <path d="M1.5 6.5L5.5 3v7z" fill="#0369a1" />
    </>
  ),
};

export function ActionIcon({ name, size = 16, dimmed = false }: { name: IconName; size?: number; dimmed?: boolean }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={dimmed ? 'shrink-0 opacity-40 grayscale' : 'shrink-0'}>
      {PATHS[name]}
    </svg>
  );
}
