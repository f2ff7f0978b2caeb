// Turns the answers object of Simulator.install into InstallAnswers, checking
// each field's type; the installer's own rules (answersError) follow.
import { answersError, type InstallAnswers, type NtpMode } from '../../xapi/simulator/install-answers';
import { xenError } from '../../xapi/errors';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function field<T>(o: Obj, key: string, ok: (v: unknown) => v is T): T {
  const v = o[key];
  if (!ok(v)) throw xenError('INVALID_VALUE', key, JSON.stringify(v) ?? 'undefined');
  return v;
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length <= 256;
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 8 && v.every(isStr);
const oneOf = <T extends string>(...values: T[]) => (v: unknown): v is T => typeof v === 'string' && (values as string[]).includes(v);

export function parseAnswers(input: unknown, disks: number, nics: number): InstallAnswers {
  if (!isObj(input)) throw xenError('INVALID_VALUE', 'answers', String(input));
  const source = field(input, 'source', isObj);
  const staticIp = input['staticIp'];
  let ip: InstallAnswers['staticIp'];
  if (staticIp !== undefined && staticIp !== null) {
    if (!isObj(staticIp)) throw xenError('INVALID_VALUE', 'staticIp', String(staticIp));
    ip = { address: field(staticIp, 'address', isStr), netmask: field(staticIp, 'netmask', isStr), gateway: field(staticIp, 'gateway', isStr) };
  }
  const answers: InstallAnswers = {
    bootSource: field(input, 'bootSource', oneOf('cd', 'pxe')),
    keymap: field(input, 'keymap', isStr),
    eulaAccepted: field(input, 'eulaAccepted', isBool),
    targetDisk: field(input, 'targetDisk', isInt),
    localSr: field(input, 'localSr', oneOf('ext', 'lvm')),
    source: { kind: field(source, 'kind', oneOf('local', 'http', 'nfs')), url: typeof source['url'] === 'string' ? source['url'] : '' },
    supplementalPacks: field(input, 'supplementalPacks', isBool),
    verifyMedia: field(input, 'verifyMedia', isBool),
    rootPassword: field(input, 'rootPassword', isStr),
    managementNic: field(input, 'managementNic', isInt),
    ...(ip === undefined ? {} : { staticIp: ip }),
    hostname: field(input, 'hostname', isStr),
    dns: input['dns'] === undefined ? [] : field(input, 'dns', isStrList),
    timezone: field(input, 'timezone', isStr),
    ntp: field(input, 'ntp', oneOf<NtpMode>('dhcp', 'default', 'manual', 'none')),
    ntpServers: input['ntpServers'] === undefined ? [] : field(input, 'ntpServers', isStrList),
  };
  const problem = answersError(answers, disks, nics);
  if (problem !== undefined) throw xenError('INVALID_VALUE', problem.field, problem.message);
  return answers;
}
