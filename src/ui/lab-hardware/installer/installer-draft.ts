// The installer's answers as the screens fill them in, and each screen's
// check. The same rules as the engine's (src/xapi/simulator/install-answers.ts).
import {
  answersError,
  hostnameError,
  isIpv4,
  passwordError,
  staticIpErrors,
  urlError,
  type InstallAnswers,
} from '../../../xapi/simulator/install-answers';

export interface Draft {
  bootSource: 'cd' | 'pxe';
  keymap: string;
  eulaAccepted: boolean;
  targetDisk: number;
  localSr: 'ext' | 'lvm';
  sourceKind: 'local' | 'http' | 'nfs';
  sourceUrl: string;
  supplementalPacks: boolean;
  verifyMedia: boolean;
  password: string;
  confirm: string;
  managementNic: number;
  dhcp: boolean;
  address: string;
  netmask: string;
  gateway: string;
  hostname: string;
  dns: string;
  timezone: string;
  ntp: 'dhcp' | 'default' | 'manual' | 'none';
  ntpServers: string;
}

export function initialDraft(name: string): Draft {
  return {
    bootSource: 'cd', keymap: '[qwerty] us', eulaAccepted: false, targetDisk: 0, localSr: 'ext',
    sourceKind: 'local', sourceUrl: '', supplementalPacks: false, verifyMedia: false,
    password: '', confirm: '', managementNic: 0, dhcp: true, address: '', netmask: '255.255.255.0', gateway: '192.168.10.1',
    hostname: name.toLowerCase().replace(/[^a-z0-9-]/g, '-'), dns: '192.168.10.1', timezone: 'UTC', ntp: 'default', ntpServers: '',
  };
}

const list = (s: string) => s.split(/[\s,]+/).filter((x) => x !== '');

export function toAnswers(d: Draft): InstallAnswers {
  return {
    bootSource: d.bootSource, keymap: d.keymap, eulaAccepted: d.eulaAccepted, targetDisk: d.targetDisk, localSr: d.localSr,
    source: { kind: d.sourceKind, url: d.sourceKind === 'local' ? '' : d.sourceUrl.trim() },
    supplementalPacks: d.supplementalPacks, verifyMedia: d.verifyMedia, rootPassword: d.password, managementNic: d.managementNic,
    ...(d.dhcp ? {} : { staticIp: { address: d.address.trim(), netmask: d.netmask.trim(), gateway: d.gateway.trim() } }),
    hostname: d.hostname.trim(), dns: d.dhcp ? [] : list(d.dns), timezone: d.timezone, ntp: d.ntp,
    ntpServers: d.ntp === 'manual' ? list(d.ntpServers) : [],
  };
}

export type FieldErrors = Partial<Record<string, string>>;

/** Errors of the fields on one screen (empty: the screen may be left with Ok). */
export function screenErrors(screen: string, d: Draft): FieldErrors {
  switch (screen) {
    case 'eula':
      return d.eulaAccepted ? {} : { eula: 'The installation cannot continue unless you accept the EULA.' };
    case 'source':
      return d.sourceKind === 'local' ? {} : { url: urlError(d.sourceKind, d.sourceUrl.trim()) };
    case 'password': {
      const first = passwordError(d.password);
      return first !== undefined ? { password: first } : { confirm: passwordError(d.password, d.confirm) };
    }
    case 'ip':
      return d.dhcp ? {} : staticIpErrors({ address: d.address.trim(), netmask: d.netmask.trim(), gateway: d.gateway.trim() });
    case 'hostname': {
      const bad = d.dhcp ? undefined : list(d.dns).find((x) => !isIpv4(x));
      return { hostname: hostnameError(d.hostname.trim()), dns: bad === undefined ? undefined : `${bad} is not an IPv4 address.` };
    }
    case 'time':
      return d.ntp !== 'manual' ? {} : { ntpServers: list(d.ntpServers).length === 0 ? 'Enter at least one NTP server.' : undefined };
    default:
      return {};
  }
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((e) => e !== undefined);
}

export function finalError(d: Draft, disks: number, nics: number): string | undefined {
  return answersError(toAnswers(d), disks, nics)?.message;
}
