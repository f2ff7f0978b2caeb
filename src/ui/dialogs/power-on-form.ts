// The Power On page's form (XenCenter's HostPowerONEditPage): how xapi powers
// the server on with host.power_on — not at all, Wake-on-LAN, HP iLO, Dell
// DRAC, or a custom plug-in — and the controller's address and user for iLO
// and DRAC (power_on_config keys power_on_ip and power_on_user). Pure: the
// form from the record, its errors, and the call that saves it.

export type PowerOnChoice = 'disabled' | 'wake-on-lan' | 'iLO' | 'DRAC' | 'custom';

export interface PowerOnForm {
  readonly choice: PowerOnChoice;
  readonly ip: string;
  readonly user: string;
  /** The plug-in a custom mode names. */
  readonly script: string;
}

export const POWER_ON_CHOICES: readonly { readonly value: PowerOnChoice; readonly label: string }[] = [
  { value: 'disabled', label: 'Disabled' },
  { value: 'wake-on-lan', label: 'Wake-on-LAN (WoL)' },
  { value: 'iLO', label: 'HP Integrated Lights-Out (iLO)' },
  { value: 'DRAC', label: 'Dell Remote Access Controller (DRAC)' },
  { value: 'custom', label: 'Custom power-on script' },
];

export function powerOnFormOf(mode: string, config: Readonly<Record<string, string>>): PowerOnForm {
  const choice: PowerOnChoice = mode === '' ? 'disabled' : mode === 'wake-on-lan' || mode === 'iLO' || mode === 'DRAC' ? mode : 'custom';
  return { choice, ip: config['power_on_ip'] ?? '', user: config['power_on_user'] ?? '', script: choice === 'custom' ? mode : '' };
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function powerOnErrors(form: PowerOnForm): { ip?: string; user?: string; script?: string } {
  if (form.choice === 'custom') return form.script.trim() === '' || /[\s/]/.test(form.script.trim()) ? { script: 'Enter the name of the power-on plug-in (one word).' } : {};
  if (form.choice !== 'iLO' && form.choice !== 'DRAC') return {};
  const errors: { ip?: string; user?: string } = {};
  const ip = form.ip.trim();
  if (ip === '') errors.ip = `Enter the address of the server's ${form.choice}.`;
  else if (!IPV4.test(ip) && (/^[\d.]+$/.test(ip) || !HOSTNAME.test(ip))) errors.ip = 'Enter an IPv4 address or a host name.';
  if (form.user.trim() === '') errors.user = `Enter the ${form.choice} user name.`;
  return errors;
}

/** host.set_power_on_mode's arguments for the form. */
export function powerOnCall(form: PowerOnForm): [mode: string, config: Record<string, string>] {
  switch (form.choice) {
    case 'disabled':
      return ['', {}];
    case 'wake-on-lan':
      return ['wake-on-lan', {}];
    case 'custom':
      return [form.script.trim(), {}];
    case 'iLO':
    case 'DRAC':
      return [form.choice, { power_on_ip: form.ip.trim(), power_on_user: form.user.trim() }];
  }
}
