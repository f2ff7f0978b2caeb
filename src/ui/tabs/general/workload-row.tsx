// "Workload" on a VM's General tab (XenLab): what the guest runs in the
// simulation, "(default)" when nobody chose it. Nothing on a real pool.
import { useVmWorkload } from '../../workload/workload-queries';
import { Row } from '../common/section';

export function WorkloadRow({ vmRef }: { vmRef: string }) {
  const workload = useVmWorkload(vmRef).data;
  if (workload === undefined || workload === null) return null;
  return (
    <Row label="Workload">
      {workload.label}
      {workload.explicit ? '' : ' (default)'}
    </Row>
  );
}
