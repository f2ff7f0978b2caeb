// VM_guest_metrics as the XenServer VM Tools (guest agent + PV drivers)
// report them: the OS name and version, the drivers' version, each VIF's
// addresses ("<device>/ip", "<device>/ipv4/0", "<device>/ipv6/0"), and the
// features the PV drivers offer. Without tools there is nothing to report.
import type { Engine } from '../engine';
import type { OsFamily } from '../vm/durations';
import type { TemplateSpec } from '../worlds/catalog/templates';

export function osVersionOf(t: TemplateSpec): Record<string, string> {
  const os = t.guestOs;
  if (t.family === 'windows') {
    return { name: `${os.name}|C:\\Windows|\\Device\\Harddisk0\\Partition2`, distro: 'windows', major: os.major, minor: os.minor, spmajor: '0', spminor: '0', build: os.uname };
  }
  if (os.distro === '') return {};
  return { name: os.name, uname: os.uname, distro: os.distro, major: os.major, minor: os.minor };
}

/** XenServer VM Tools for Windows 9.4.0 / the Linux guest agent 8.4.0. */
export function driversVersionOf(family: OsFamily): Record<string, string> {
  return family === 'windows' ? { major: '9', minor: '4', micro: '0', build: '146' } : { major: '8', minor: '4', micro: '0', build: '1' };
}

export function toolsVersionOf(family: OsFamily): string {
  const v = driversVersionOf(family);
  return `${v['major'] ?? ''}.${v['minor'] ?? ''}.${v['micro'] ?? ''}`;
}

/** The IPv6 link-local address a guest derives from its MAC (EUI-64). */
export function linkLocal(mac: string): string {
  const [b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0] = mac.split(':').map((x) => parseInt(x, 16));
  const words = [((b0 ^ 0x02) << 8) | b1, (b2 << 8) | 0xff, (0xfe << 8) | b3, (b4 << 8) | b5];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}`;
}

/** The networks map for VIFs with addresses: device → [IPv4, MAC]. */
export function networksMap(addresses: readonly { device: string; ip: string; mac: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of addresses) {
    out[`${a.device}/ip`] = a.ip;
    out[`${a.device}/ipv4/0`] = a.ip;
    out[`${a.device}/ipv6/0`] = linkLocal(a.mac);
  }
  return out;
}

/** Every field the tools report, for an OS `t` whose tools are running. */
export function guestMetricsFields(engine: Engine, t: TemplateSpec, name: string, networks: Record<string, string>, live: boolean): Record<string, unknown> {
  return {
    os_version: osVersionOf(t),
    netbios_name: t.family === 'windows' ? { host_name: name.toUpperCase().slice(0, 15) } : {},
    PV_drivers_version: driversVersionOf(t.family),
    PV_drivers_up_to_date: true,
    PV_drivers_detected: true,
    networks,
    other: {
      'feature-balloon': '1',
      'feature-poweroff': '1',
      'feature-reboot': '1',
      'feature-suspend': '1',
      'feature-vcpu-hotplug': '1',
      'has-vendor-device': t.family === 'windows' ? '1' : '0',
      'platform-feature-multiprocessor-suspend': '1',
    },
    can_use_hotplug_vbd: 'yes',
    can_use_hotplug_vif: 'yes',
    live,
    last_updated: engine.datetime(),
  };
}
