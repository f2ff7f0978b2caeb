// General tab of a pool: General (coordinator, servers, default SR), the pool
// overview (consolidation, server use, top VMs) and High Availability, in
// XenCenter's words.
import { useCacheSelector, useObject } from '../../cache/use-cache';
import type { ObjectCache } from '../../cache/object-cache';
import { None, Properties, Row, Section } from '../common/section';
import { PoolOverview } from '../overview/pool-overview';
import { NameRows, UuidRow } from './common-rows';

const selectHostCount = (c: ObjectCache) => c.all('host').size;

export function PoolGeneral({ poolRef }: { poolRef: string }) {
  const pool = useObject('pool', poolRef);
  const master = useObject('host', pool?.master);
  const defaultSr = useObject('SR', pool?.default_SR);
  const servers = useCacheSelector(selectHostCount);
  if (pool === undefined) return null;
  const failures = pool.ha_host_failures_to_tolerate;
  return (
    <div>
      <Section title="General">
        <Properties>
          <NameRows record={pool} />
          <Row label="Coordinator">{master === undefined ? <None /> : master.name_label}</Row>
          <Row label="Servers">{String(servers)}</Row>
          <Row label="Default storage repository">{defaultSr === undefined ? <None /> : defaultSr.name_label}</Row>
          <UuidRow uuid={pool.uuid} />
        </Properties>
      </Section>
      <PoolOverview />
      <Section title="High Availability">
        <Properties>
          <Row label="HA">{pool.ha_enabled ? 'On' : 'Off'}</Row>
          {pool.ha_enabled ? (
            <>
              <Row label="Server failures to tolerate">{String(failures)}</Row>
              <Row label="Current failure capacity">{String(pool.ha_plan_exists_for)}</Row>
              <Row label="Overcommitted">{pool.ha_overcommitted ? 'Yes' : 'No'}</Row>
            </>
          ) : null}
        </Properties>
      </Section>
    </div>
  );
}
