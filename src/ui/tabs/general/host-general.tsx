// General tab of a server: General, Management Interfaces, Memory, CPUs,
// Version Details and License, in XenCenter's order and words.
import type { RecordOf } from '../../../xapi/types';
import { useObject, useObjects } from '../../cache/use-cache';
import { useServerPool } from '../../connections/use-pool-members';
import { formatBytes } from '../../format/bytes';
import { formatDateTime } from '../../format/datetime';
import { None, Properties, Row, Section, Text } from '../common/section';
import { NameRows, UptimeFromUnix, UuidRow } from './common-rows';
import { CpuFlags } from './cpu-flags';

export function HostGeneral({ hostRef }: { hostRef: string }) {
  const host = useObject('host', hostRef);
  const metrics = useObject('host_metrics', host?.metrics);
  const pool = useServerPool(hostRef);
  const pifs = useObjects('PIF', host?.PIFs ?? []);
  const dom0 = useObject('VM', host?.control_domain);
  const dom0Metrics = useObject('VM_metrics', dom0?.metrics);
  if (host === undefined) return null;
  const bootTime = Number.parseFloat(host.other_config['boot_time'] ?? '');
  const agentTime = Number.parseFloat(host.other_config['agent_start_time'] ?? '');
  const management = pifs.filter((p) => p.management);
  const total = metrics?.memory_total ?? 0;
  const free = metrics?.memory_free ?? 0;
  return (
    <div>
      <Section title="General">
        <Properties>
          <NameRows record={host} />
          <Row label="Pool">{pool === undefined ? <None /> : pool.name_label}</Row>
          <Row label="Pool coordinator">{pool?.master === hostRef ? 'Yes' : 'No'}</Row>
          <Row label="Enabled">{host.enabled ? 'Yes' : 'No (maintenance mode)'}</Row>
          <Row label="Address">{host.address}</Row>
          <Row label="Hostname">{host.hostname}</Row>
          <Row label="Server uptime">{Number.isFinite(bootTime) ? <UptimeFromUnix since={bootTime} /> : <None />}</Row>
          {Number.isFinite(agentTime) ? (
            <Row label="Toolstack uptime">
              <UptimeFromUnix since={agentTime} />
            </Row>
          ) : null}
          <Row label="iSCSI IQN">
            <Text value={host.iscsi_iqn} />
          </Row>
          <UuidRow uuid={host.uuid} />
        </Properties>
      </Section>
      <Section title="Management Interfaces">
        {management.length === 0 ? (
          <p className="m-0 text-[13px] text-slate-600">No management interface.</p>
        ) : (
          management.map((pif) => <ManagementInterface key={pif.uuid} pif={pif} />)
        )}
      </Section>
      <Section title="Memory">
        <Properties>
          <Row label="Total">{formatBytes(total)}</Row>
          <Row label="Used">{formatBytes(total - free)}</Row>
          <Row label="Free">{formatBytes(free)}</Row>
          <Row label="Control domain">{dom0Metrics === undefined ? <None /> : formatBytes(dom0Metrics.memory_actual)}</Row>
        </Properties>
      </Section>
      <Cpus host={host} />
      <Versions host={host} />
      <Section title="License">
        <Properties>
          <Row label="Edition">{host.license_params['sku_marketing_name'] ?? capitalize(host.edition)}</Row>
          <Row label="Expiry">{formatDateTime(host.license_params['expiry'])}</Row>
          <Row label="Licensed sockets">
            <Text value={host.license_params['sockets']} />
          </Row>
        </Properties>
      </Section>
    </div>
  );
}

function ManagementInterface({ pif }: { pif: RecordOf<'PIF'> }) {
  return (
    <Properties>
      <Row label="Interface">{pif.device}</Row>
      <Row label="IP setup">{pif.ip_configuration_mode === 'DHCP' ? 'DHCP' : pif.ip_configuration_mode === 'Static' ? 'Static' : 'None'}</Row>
      <Row label="IP address">
        <Text value={pif.IP} />
      </Row>
      <Row label="Subnet mask">
        <Text value={pif.netmask} />
      </Row>
      <Row label="Gateway">
        <Text value={pif.gateway} />
      </Row>
      <Row label="DNS">
        <Text value={pif.DNS} />
      </Row>
    </Properties>
  );
}

function Cpus({ host }: { host: RecordOf<'host'> }) {
  const info = host.cpu_info;
  const logical = Number(info['cpu_count'] ?? '0');
  const sockets = Number(info['socket_count'] ?? '1') || 1;
  const threads = Number(info['threads_per_core'] ?? '1') || 1;
  const speed = Number(info['speed'] ?? '');
  return (
    <Section title="CPUs">
      <Properties>
        <Row label="Vendor">
          <Text value={info['vendor']} />
        </Row>
        <Row label="Model">
          <Text value={info['modelname']} />
        </Row>
        <Row label="Speed">{Number.isFinite(speed) && speed > 0 ? `${String(Math.round(speed))} MHz` : <None />}</Row>
        <Row label="Sockets">{String(sockets)}</Row>
        <Row label="Cores per socket">{String(Math.max(1, Math.round(logical / threads / sockets)))}</Row>
        <Row label="Logical CPUs">{`${String(logical)} (${String(threads)} thread${threads === 1 ? '' : 's'} per core)`}</Row>
        <CpuFlags flags={info['flags'] ?? ''} />
      </Properties>
    </Section>
  );
}

function Versions({ host }: { host: RecordOf<'host'> }) {
  const v = host.software_version;
  const product = [v['product_brand'], v['product_version']].filter((s) => s !== undefined && s !== '').join(' ');
  return (
    <Section title="Version Details">
      <Properties>
        <Row label="Product">
          <Text value={product} />
        </Row>
        <Row label="Build number">
          <Text value={v['build_number']} />
        </Row>
        <Row label="Build date">
          <Text value={v['date']} />
        </Row>
        <Row label="Xen">
          <Text value={v['xen']} />
        </Row>
        <Row label="XAPI">
          <Text value={v['xapi_build'] ?? v['xapi']} />
        </Row>
        <Row label="Control domain kernel">
          <Text value={v['linux']} />
        </Row>
      </Properties>
    </Section>
  );
}

function capitalize(s: string): string {
  return s === '' ? s : `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;
}
