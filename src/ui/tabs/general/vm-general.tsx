// General tab of a VM, template or snapshot: General, Boot Options, CPUs,
// Memory and (for a VM) Status, in XenCenter's order and words.
import type { RecordOf } from '../../../xapi/types';
import { useObject } from '../../cache/use-cache';
import { formatBytes } from '../../format/bytes';
import { formatDateTime } from '../../format/datetime';
import { bootOrder, firmware, guestAddresses, managementAgent, operatingSystem, virtualizationMode } from '../../format/vm-words';
import { List, None, Properties, Row, Section, Text } from '../common/section';
import { NameRows, Uptime, UuidRow } from './common-rows';
import { WorkloadRow } from './workload-row';

/** The credit scheduler's default weight (xen/common/sched/credit.c). */
const DEFAULT_WEIGHT = 256;

export function VmGeneral({ vmRef }: { vmRef: string }) {
  const vm = useObject('VM', vmRef);
  const gm = useObject('VM_guest_metrics', vm?.guest_metrics);
  const metrics = useObject('VM_metrics', vm?.metrics);
  const home = useObject('host', vm?.affinity);
  const resident = useObject('host', vm?.resident_on);
  const parent = useObject('VM', vm?.snapshot_of);
  if (vm === undefined) return null;
  const isVm = !vm.is_a_template && !vm.is_a_snapshot;
  const live = vm.power_state === 'Running' || vm.power_state === 'Paused';
  const addresses = live ? guestAddresses(gm) : [];
  return (
    <div>
      <Section title="General">
        <Properties>
          <NameRows record={vm} />
          {vm.is_a_snapshot ? (
            <>
              <Row label="Snapshot of">
                <Text value={parent?.name_label} />
              </Row>
              <Row label="Snapshot time">{formatDateTime(vm.snapshot_time)}</Row>
            </>
          ) : null}
          <Row label="Operating System">{operatingSystem(vm, gm)}</Row>
          <Row label="Virtualization mode">{virtualizationMode(vm, gm)}</Row>
          {isVm ? <WorkloadRow vmRef={vmRef} /> : null}
          {isVm ? <Row label="Management agent">{managementAgent(gm)}</Row> : null}
          {isVm ? <Row label="Power state">{vm.power_state}</Row> : null}
          {isVm ? (
            <Row label="IP address">
              {addresses.length === 0 ? <None /> : <List values={addresses} />}
            </Row>
          ) : null}
          <Row label="Home server">{home === undefined ? <None /> : home.name_label}</Row>
          <UuidRow uuid={vm.uuid} />
        </Properties>
      </Section>
      <BootOptions vm={vm} />
      <Cpus vm={vm} metrics={live ? metrics : undefined} />
      <Section title="Memory">
        <Properties>
          <Row label="Dynamic minimum">{formatBytes(vm.memory_dynamic_min)}</Row>
          <Row label="Dynamic maximum">{formatBytes(vm.memory_dynamic_max)}</Row>
          <Row label="Static maximum">{formatBytes(vm.memory_static_max)}</Row>
          {live && metrics !== undefined ? <Row label="Current memory">{formatBytes(metrics.memory_actual)}</Row> : null}
        </Properties>
      </Section>
      {isVm ? (
        <Section title="Status">
          <Properties>
            <Row label="State">{vm.power_state}</Row>
            <Row label="Running on">{resident === undefined ? <None /> : resident.name_label}</Row>
            {live ? (
              <>
                <Row label="Started">{formatDateTime(metrics?.start_time)}</Row>
                <Row label="Uptime">
                  <Uptime since={metrics?.start_time} />
                </Row>
                <Row label="Domain ID">{String(vm.domid)}</Row>
              </>
            ) : null}
          </Properties>
        </Section>
      ) : null}
    </div>
  );
}

function BootOptions({ vm }: { vm: RecordOf<'VM'> }) {
  const pv = vm.domain_type === 'pv' || (vm.domain_type === 'unspecified' && vm.HVM_boot_policy === '');
  return (
    <Section title="Boot Options">
      <Properties>
        {pv ? (
          <>
            <Row label="Boot loader">
              <Text value={vm.PV_bootloader} />
            </Row>
            <Row label="OS boot parameters">
              <Text value={vm.PV_args} />
            </Row>
          </>
        ) : (
          <>
            <Row label="Firmware">{firmware(vm)}</Row>
            <Row label="Boot order">
              <List values={bootOrder(vm.HVM_boot_params['order'])} />
            </Row>
          </>
        )}
        <Row label="Auto-start on server boot">{vm.other_config['auto_poweron'] === 'true' ? 'Yes' : 'No'}</Row>
      </Properties>
    </Section>
  );
}

function Cpus({ vm, metrics }: { vm: RecordOf<'VM'>; metrics: RecordOf<'VM_metrics'> | undefined }) {
  const coresPerSocket = Number(vm.platform['cores-per-socket'] ?? '1') || 1;
  const sockets = Math.max(1, Math.ceil(vm.VCPUs_max / coresPerSocket));
  const weight = vm.VCPUs_params['weight'];
  const cap = Number(vm.VCPUs_params['cap'] ?? '0');
  return (
    <Section title="CPUs">
      <Properties>
        <Row label="vCPUs at startup">{String(vm.VCPUs_at_startup)}</Row>
        <Row label="Maximum vCPUs">{String(vm.VCPUs_max)}</Row>
        {metrics !== undefined ? <Row label="Current vCPUs">{String(metrics.VCPUs_number)}</Row> : null}
        <Row label="Topology">
          {`${String(sockets)} socket${sockets === 1 ? '' : 's'} with ${String(coresPerSocket)} core${coresPerSocket === 1 ? '' : 's'} per socket`}
        </Row>
        <Row label="vCPU weight">{weight === undefined ? `${String(DEFAULT_WEIGHT)} (default)` : weight}</Row>
        <Row label="vCPU cap">{cap > 0 ? `${String(cap)}% of one physical CPU` : 'None (no limit)'}</Row>
      </Properties>
    </Section>
  );
}

