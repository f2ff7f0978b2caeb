// The console: while the lab loads (or its save is corrupt) a full-page
// notice; once the pool is there, XenCenter's frame.
import { LabGate } from './lab/lab-gate';
import { ConsoleLayout } from './shell/console-layout';

export function App() {
  return (
    <LabGate>
      <ConsoleLayout />
    </LabGate>
  );
}
