// What stands in front of the console: a loading page while the lab starts,
// the recovery page when the saved lab is corrupt, and — once the console has
// been up — a notice over its frame when the worker crashed and was restarted
// (the frame stays, so the user keeps their place). It also saves the lab
// when the page is hidden or left.
import { useState, type ReactNode } from 'react';
import { CorruptSaveScreen } from './corrupt-save-screen';
import { CrashNotice } from './crash-notice';
import { useLab } from './lab-context';
import { useLabStatus, type ConsoleLabState } from './lab-status';
import { LoadingScreen } from './loading-screen';
import { useSaveOnHide } from './use-save-on-hide';

function loadingDetail(lab: ConsoleLabState): string {
  switch (lab.state) {
    case 'loading':
      return "Reading the saved lab from this browser's storage.";
    case 'crashed':
      return 'The simulated pool stopped unexpectedly; restarting it from its last save.';
    default:
      return 'Starting the simulated pool.';
  }
}

export function LabGate({ children }: { children: ReactNode }) {
  const connection = useLab();
  const lab = useLabStatus((s) => s.lab);
  const restarts = useLabStatus((s) => s.restarts);
  const [dismissed, setDismissed] = useState(0);
  const [crashReason, setCrashReason] = useState<string | undefined>(undefined);
  useSaveOnHide(connection);

  // Keep the reason of the last crash for the notice (the state moves on to loading, then ready).
  if (lab.state === 'crashed' && lab.reason !== crashReason) setCrashReason(lab.reason);

  if (lab.state === 'corrupt') return <CorruptSaveScreen reason={lab.reason} lab={connection} />;
  if (restarts === 0 && lab.state !== 'ready') return <LoadingScreen detail={loadingDetail(lab)} />;
  return (
    <>
      {children}
      {restarts > dismissed && <CrashNotice restarting={lab.state !== 'ready'} reason={crashReason} onDismiss={() => setDismissed(restarts)} />}
    </>
  );
}
