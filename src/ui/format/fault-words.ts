// Simulated faults as the console reads them: Simulator.inject_fault keeps
// each fault in its object's other_config under a "xenlab-fault-…" key (the
// value is the Unix time it began), and a server's own power cycle under
// "xenlab-down" (power | fenced | booting). The tree, the HA tab and the
// Faults menu all read them here, and say them in the same words.

export const faultKey = (name: string): string => `xenlab-fault-${name}`;

export const HOST_DOWN_KEY = 'xenlab-down';
export const SR_FAILED_KEY = faultKey('failed');
export const PIF_DEGRADED_KEY = faultKey('degraded');

type Config = Readonly<Record<string, string>> | undefined;

const DOWN_WORDS: Readonly<Record<string, string>> = { power: 'Powered off', fenced: 'Fenced (rebooting)', booting: 'Starting up' };

/** Why a server is not running, in words ("Powered off"), or undefined while it runs. */
export function hostDownWords(config: Config): string | undefined {
  const down = config?.[HOST_DOWN_KEY];
  return down === undefined ? undefined : (DOWN_WORDS[down] ?? down);
}

/** The cut paths of a running server, in words ("Management network cut"). */
export function hostCutWords(config: Config): string[] {
  const words: string[] = [];
  if (config?.[faultKey('management-network')] !== undefined) words.push('Management network cut');
  if (config?.[faultKey('storage-network')] !== undefined) words.push('Storage network cut');
  return words;
}

export function srFailed(config: Config): boolean {
  return config?.[SR_FAILED_KEY] !== undefined;
}

export function pifDegraded(config: Config): boolean {
  return config?.[PIF_DEGRADED_KEY] !== undefined;
}
