// The General tab: XenCenter's collapsible sections of properties, per kind.
import type { FocusedObject } from '../object-kind';
import { HostGeneral } from './host-general';
import { NetworkGeneral, OtherGeneral, VdiGeneral } from './simple-general';
import { PoolGeneral } from './pool-general';
import { SrGeneral } from './sr-general';
import { VmGeneral } from './vm-general';

export function GeneralTab({ focus }: { focus: FocusedObject }) {
  const ref = focus.ref ?? '';
  switch (focus.kind) {
    case 'vm':
    case 'template':
    case 'snapshot':
      return <VmGeneral vmRef={ref} />;
    case 'host':
      return <HostGeneral hostRef={ref} />;
    case 'pool':
      return <PoolGeneral poolRef={ref} />;
    case 'sr':
      return <SrGeneral srRef={ref} />;
    case 'vdi':
      return <VdiGeneral vdiRef={ref} />;
    case 'network':
      return <NetworkGeneral networkRef={ref} />;
    case 'other':
      return focus.cls === undefined ? null : <OtherGeneral cls={focus.cls} objectRef={ref} />;
    case 'root':
    case 'missing':
      return null;
  }
}
