// Being built: loading / corrupt-save / crash screens in front of the console.
import type { ReactNode } from 'react';
import { useLabStatus } from './lab-status';

export function LabGate({ children }: { children: ReactNode }) {
  const lab = useLabStatus((s) => s.lab);
  if (lab.state !== 'ready') return <p role="status">Starting the lab…</p>;
  return <>{children}</>;
}
