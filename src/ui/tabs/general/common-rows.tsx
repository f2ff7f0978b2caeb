// Rows every object's General section starts and ends with.
import { formatDuration } from '../../format/duration';
import { List, Row, Text } from '../common/section';
import { secondsSince, useVirtualNow } from '../use-virtual-time';

interface Named {
  readonly name_label: string;
  readonly name_description: string;
  readonly tags?: readonly string[];
  readonly other_config?: Readonly<Record<string, string>>;
}

/** Name, Description, Tags, Folder (other_config.folder, as XenCenter keeps it). */
export function NameRows({ record }: { record: Named }) {
  return (
    <>
      <Row label="Name">{record.name_label}</Row>
      <Row label="Description">
        <Text value={record.name_description} />
      </Row>
      <Row label="Tags">
        <List values={record.tags ?? []} />
      </Row>
      <Row label="Folder">
        <Text value={record.other_config?.['folder']} />
      </Row>
    </>
  );
}

/** A span from a XenAPI datetime to the pool's now ("14 days 3 hours 2 minutes"). */
export function Uptime({ since }: { since: string | undefined }) {
  const now = useVirtualNow();
  const seconds = secondsSince(since, now);
  return <>{formatDuration(seconds)}</>;
}

/** Same, from a Unix time in seconds (host other_config boot_time "1764290000."). */
export function UptimeFromUnix({ since }: { since: number | undefined }) {
  const now = useVirtualNow();
  return <>{formatDuration(since === undefined || now === undefined ? undefined : now - since)}</>;
}

export function UuidRow({ uuid }: { uuid: string }) {
  return (
    <Row label="UUID">
      <span className="font-mono text-xs select-all">{uuid}</span>
    </Row>
  );
}
