// The lab connection for components (one per page).
import { createContext, useContext, type ReactNode } from 'react';
import type { LabConnection } from './lab-connection';

const LabContext = createContext<LabConnection | undefined>(undefined);

export function LabProvider({ lab, children }: { lab: LabConnection; children: ReactNode }) {
  return <LabContext.Provider value={lab}>{children}</LabContext.Provider>;
}

export function useLab(): LabConnection {
  const lab = useContext(LabContext);
  if (lab === undefined) throw new Error('useLab outside <LabProvider>');
  return lab;
}
