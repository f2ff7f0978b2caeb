// General tab of objects with little to say: virtual disks, networks, and
// anything else the tree can select.
import type { ClassName } from '../../../xapi/datamodel/classes';
import { useObject, useObjects } from '../../cache/use-cache';
import { formatBytes } from '../../format/bytes';
import { yesNo } from '../../format/storage-words';
import { List, None, Properties, Row, Section, Text } from '../common/section';
import { NameRows, UuidRow } from './common-rows';

export function VdiGeneral({ vdiRef }: { vdiRef: string }) {
  const vdi = useObject('VDI', vdiRef);
  const sr = useObject('SR', vdi?.SR);
  const vbds = useObjects('VBD', vdi?.VBDs ?? []);
  const vms = useObjects(
    'VM',
    vbds.map((b) => b.VM),
  );
  if (vdi === undefined) return null;
  return (
    <Section title="General">
      <Properties>
        <NameRows record={vdi} />
        <Row label="Storage repository">{sr === undefined ? <None /> : sr.name_label}</Row>
        <Row label="Size">{formatBytes(vdi.virtual_size)}</Row>
        <Row label="Space used">{formatBytes(vdi.physical_utilisation)}</Row>
        <Row label="Type">{vdi.type}</Row>
        <Row label="Read only">{yesNo(vdi.read_only)}</Row>
        <Row label="Sharable">{yesNo(vdi.sharable)}</Row>
        <Row label="Used by">
          <List values={vms.map((v) => v.name_label)} />
        </Row>
        <UuidRow uuid={vdi.uuid} />
      </Properties>
    </Section>
  );
}

export function NetworkGeneral({ networkRef }: { networkRef: string }) {
  const network = useObject('network', networkRef);
  const pifs = useObjects('PIF', network?.PIFs ?? []);
  if (network === undefined) return null;
  const devices = [...new Set(pifs.map((p) => p.device))].sort();
  return (
    <Section title="General">
      <Properties>
        <NameRows record={network} />
        <Row label="MTU">{String(network.MTU)}</Row>
        <Row label="Bridge">
          <Text value={network.bridge} />
        </Row>
        <Row label="NICs">
          <List values={devices} />
        </Row>
        <Row label="Add to new VMs automatically">{network.other_config['automatic'] === 'false' ? 'No' : 'Yes'}</Row>
        <UuidRow uuid={network.uuid} />
      </Properties>
    </Section>
  );
}

export function OtherGeneral({ cls, objectRef }: { cls: ClassName; objectRef: string }) {
  const record = useObject(cls, objectRef) as Readonly<Record<string, unknown>> | undefined;
  if (record === undefined) return null;
  const name = record['name_label'];
  const description = record['name_description'];
  return (
    <Section title="General">
      <Properties>
        <Row label="Type">{cls}</Row>
        {typeof name === 'string' ? <Row label="Name">{name}</Row> : null}
        {typeof description === 'string' ? (
          <Row label="Description">
            <Text value={description} />
          </Row>
        ) : null}
        <UuidRow uuid={String(record['uuid'] ?? '')} />
      </Properties>
    </Section>
  );
}
