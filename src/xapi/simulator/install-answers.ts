// What the XenServer installer asks, as the Simulator.install call carries it,
// and the rules each answer must meet. Shared by the engine (which re-checks
// everything) and the console's installer screens (which check at the field).
// Simulator contract, not XenAPI: a real pool has no installer API.

export interface StaticIp {
  readonly address: string;
  readonly netmask: string;
  readonly gateway: string;
}

export type NtpMode = 'dhcp' | 'default' | 'manual' | 'none';

export interface InstallAnswers {
  readonly bootSource: 'cd' | 'pxe';
  readonly keymap: string;
  readonly eulaAccepted: boolean;
  /** Index into the machine's disks. */
  readonly targetDisk: number;
  /** The local SR the installer creates: thin-provisioned EXT or thick LVM. */
  readonly localSr: 'ext' | 'lvm';
  readonly source: { readonly kind: 'local' | 'http' | 'nfs'; readonly url: string };
  readonly supplementalPacks: boolean;
  readonly verifyMedia: boolean;
  readonly rootPassword: string;
  /** Index into the machine's NICs. */
  readonly managementNic: number;
  /** undefined: DHCP. */
  readonly staticIp?: StaticIp | undefined;
  readonly hostname: string;
  /** DNS servers (static configuration only; DHCP supplies its own). */
  readonly dns: readonly string[];
  readonly timezone: string;
  readonly ntp: NtpMode;
  readonly ntpServers: readonly string[];
}

export const KEYMAPS: readonly string[] = [
  '[qwerty] us', '[qwerty] uk', '[qwertz] de', '[azerty] fr', '[qwerty] es', '[qwerty] it', '[qwerty] jp106', '[dvorak] dvorak',
];

export const TIMEZONES: readonly string[] = [
  'UTC', 'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'Europe/Madrid', 'America/New_York', 'America/Chicago',
  'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney',
];

export const MIN_PASSWORD_LENGTH = 6;

const QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function isIpv4(value: string): boolean {
  return QUAD.test(value);
}

/** A netmask is ones then zeros (255.255.255.0, not 255.0.255.0). */
export function isNetmask(value: string): boolean {
  if (!isIpv4(value)) return false;
  const n = ipToInt(value);
  if (n === 0) return false;
  const inverted = (~n >>> 0) + 1;
  return (inverted & (inverted - 1)) === 0;
}

export function passwordError(password: string, confirm?: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must be at least ${String(MIN_PASSWORD_LENGTH)} characters long.`;
  if (confirm !== undefined && confirm !== password) return 'The passwords you entered do not match.';
  return undefined;
}

export function staticIpErrors(ip: Partial<StaticIp>): Partial<Record<keyof StaticIp, string>> {
  const out: Partial<Record<keyof StaticIp, string>> = {};
  const address = ip.address ?? '';
  const netmask = ip.netmask ?? '';
  const gateway = ip.gateway ?? '';
  if (!isIpv4(address)) out.address = 'Enter an IPv4 address such as 192.168.10.50.';
  if (!isNetmask(netmask)) out.netmask = 'Enter a subnet mask such as 255.255.255.0 (ones, then zeros).';
  if (out.address === undefined && out.netmask === undefined) {
    const mask = ipToInt(netmask);
    const host = ipToInt(address) & ~mask;
    const hostBits = (~mask >>> 0);
    if (host === 0 || host === hostBits) out.address = 'That is the subnet\'s network or broadcast address, not a host address.';
  }
  if (gateway !== '') {
    if (!isIpv4(gateway)) out.gateway = 'Enter the gateway as an IPv4 address, or leave it empty.';
    else if (out.address === undefined && out.netmask === undefined) {
      const mask = ipToInt(netmask);
      if ((ipToInt(gateway) & mask) !== (ipToInt(address) & mask)) out.gateway = 'The gateway must be on the same subnet as the address.';
      else if (gateway === address) out.gateway = 'The gateway cannot be the host\'s own address.';
    }
  }
  return out;
}

const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function hostnameError(name: string): string | undefined {
  if (name === '') return 'Enter a hostname.';
  if (name.length > 253) return 'A hostname has at most 253 characters.';
  if (!name.split('.').every((l) => LABEL.test(l))) {
    return 'Use letters, digits and hyphens (not at the start or end of a part), parts separated by dots.';
  }
  return undefined;
}

export function urlError(kind: 'http' | 'nfs', url: string): string | undefined {
  if (kind === 'http' && !/^(https?|ftp):\/\/[^\s/]+(\/\S*)?$/.test(url)) return 'Enter a URL such as http://192.168.10.5/xenserver/.';
  if (kind === 'nfs' && !/^[^\s:/]+:\/\S*$/.test(url)) return 'Enter an NFS path such as 192.168.10.5:/export/xenserver.';
  return undefined;
}

/** The first problem with a set of answers (field, message), checked in screen order. */
export function answersError(a: InstallAnswers, disks: number, nics: number): { field: string; message: string } | undefined {
  if (!KEYMAPS.includes(a.keymap)) return { field: 'keymap', message: 'Choose a keymap from the list.' };
  if (!a.eulaAccepted) return { field: 'eula', message: 'The installation cannot continue unless you accept the EULA.' };
  if (!Number.isInteger(a.targetDisk) || a.targetDisk < 0 || a.targetDisk >= disks) return { field: 'target_disk', message: 'Choose a disk of this machine.' };
  if (a.localSr !== 'ext' && a.localSr !== 'lvm') return { field: 'local_sr', message: 'Choose thin (EXT) or thick (LVM) local storage.' };
  if (a.source.kind !== 'local') {
    const e = urlError(a.source.kind, a.source.url);
    if (e !== undefined) return { field: 'source', message: e };
  }
  const pw = passwordError(a.rootPassword);
  if (pw !== undefined) return { field: 'root_password', message: pw };
  if (!Number.isInteger(a.managementNic) || a.managementNic < 0 || a.managementNic >= nics) return { field: 'management_nic', message: 'Choose a NIC of this machine.' };
  if (a.staticIp !== undefined) {
    const errs = staticIpErrors(a.staticIp);
    const [field, message] = Object.entries(errs)[0] ?? [];
    if (field !== undefined && message !== undefined) return { field, message };
    const bad = a.dns.find((d) => !isIpv4(d));
    if (bad !== undefined) return { field: 'dns', message: `${bad} is not an IPv4 address.` };
  }
  const hn = hostnameError(a.hostname);
  if (hn !== undefined) return { field: 'hostname', message: hn };
  if (!TIMEZONES.includes(a.timezone)) return { field: 'timezone', message: 'Choose a time zone from the list.' };
  if (a.ntp === 'manual') {
    if (a.ntpServers.length === 0) return { field: 'ntp_servers', message: 'Enter at least one NTP server.' };
    const bad = a.ntpServers.find((s) => hostnameError(s) !== undefined && !isIpv4(s));
    if (bad !== undefined) return { field: 'ntp_servers', message: `${bad} is not a server name or address.` };
  }
  return undefined;
}
