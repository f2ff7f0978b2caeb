// SR.probe as the New SR wizard uses it: one probe at a time, its answer kept
// with the device_config it was asked about, so a later edit of the form makes
// the answer stale (and Finish waits for a new scan).
import { useCallback, useState } from 'react';
import { useLab } from '../../lab/lab-context';
import { failureText, parseSrUuids, probeStderr } from './new-sr-model';

export interface ProbeAnswer {
  /** The device_config probed (JSON), to tell a fresh answer from a stale one. */
  readonly key: string;
  /** SR UUIDs found at the location, when the probe succeeded. */
  readonly srs?: readonly string[];
  /** The failure in words, when it failed. */
  readonly error?: string;
  readonly code?: string;
  /** SM's stderr (exports, IQNs or LUNs it found). */
  readonly stderr: string;
}

export function configKey(config: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(config).sort(([a], [b]) => a.localeCompare(b)));
}

export function useSrProbe(): {
  probing: boolean;
  probe(host: string, config: Readonly<Record<string, string>>, type: string): Promise<ProbeAnswer>;
} {
  const lab = useLab();
  const [probing, setProbing] = useState(false);
  const probe = useCallback(
    async (host: string, config: Readonly<Record<string, string>>, type: string): Promise<ProbeAnswer> => {
      setProbing(true);
      const key = configKey(config);
      try {
        const xml = await lab.client.call<string>('SR.probe', host, config, type, {});
        return { key, srs: parseSrUuids(xml), stderr: '' };
      } catch (e) {
        return { key, error: failureText(e), code: (e as { code?: string }).code ?? '', stderr: probeStderr(e) };
      } finally {
        setProbing(false);
      }
    },
    [lab],
  );
  return { probing, probe };
}
