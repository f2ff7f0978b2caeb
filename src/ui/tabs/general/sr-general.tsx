// General tab of a storage repository: General (type, sizes) and Status (the
// SR's connection to each server through its PBD).
import type { RecordOf } from '../../../xapi/types';
import { useObject, useObjects } from '../../cache/use-cache';
import { formatBytes } from '../../format/bytes';
import { hostCutWords, hostDownWords, srFailed } from '../../format/fault-words';
import { contentTypeLabel, srTypeLabel, yesNo } from '../../format/storage-words';
import { Properties, Row, Section } from '../common/section';
import { NameRows, UuidRow } from './common-rows';

export function SrGeneral({ srRef }: { srRef: string }) {
  const sr = useObject('SR', srRef);
  const pbds = useObjects('PBD', sr?.PBDs ?? []);
  if (sr === undefined) return null;
  const free = Math.max(0, sr.physical_size - sr.physical_utilisation);
  const allocationPct = sr.physical_size > 0 ? Math.round((sr.virtual_allocation / sr.physical_size) * 100) : 0;
  return (
    <div>
      <Section title="General">
        <Properties>
          <NameRows record={sr} />
          <Row label="Type">{srTypeLabel(sr.type)}</Row>
          <Row label="Content type">{contentTypeLabel(sr.content_type)}</Row>
          <Row label="Shared">{yesNo(sr.shared)}</Row>
          <Row label="Size">{formatBytes(sr.physical_size)}</Row>
          <Row label="Used">{formatBytes(sr.physical_utilisation)}</Row>
          <Row label="Free">{formatBytes(free)}</Row>
          <Row label="Virtual allocation">{sr.physical_size > 0 ? `${formatBytes(sr.virtual_allocation)} (${String(allocationPct)}% of size)` : formatBytes(sr.virtual_allocation)}</Row>
          <Row label="Multipathing">n/a</Row>
          <UuidRow uuid={sr.uuid} />
        </Properties>
      </Section>
      <Section title="Status">
        <Properties>
          <Row label="State">{srFailed(sr.other_config) ? 'Failed (simulated fault): its disks cannot be read or written' : pbds.length > 0 && pbds.every((p) => p.currently_attached) ? 'OK' : pbds.some((p) => p.currently_attached) ? 'Connected to some servers' : 'Detached'}</Row>
          {pbds.map((pbd) => (
            <PbdRow key={pbd.uuid} pbd={pbd} shared={sr.shared} />
          ))}
        </Properties>
      </Section>
    </div>
  );
}

/** A server's link to the SR: a simulated power cut or storage network cut shows here too (fault-words.ts). */
function PbdRow({ pbd, shared }: { pbd: RecordOf<'PBD'>; shared: boolean }) {
  const host = useObject('host', pbd.host);
  const down = hostDownWords(host?.other_config);
  const cut = shared && hostCutWords(host?.other_config).includes('Storage network cut');
  const state = !pbd.currently_attached ? 'Unplugged' : down !== undefined ? `Server ${down.toLowerCase()}` : cut ? 'Storage network cut' : 'Connected';
  return <Row label={host?.name_label ?? 'Server'}>{state}</Row>;
}
