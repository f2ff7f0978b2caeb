// Whether a machine can start the installer from a boot source, and whether the
// chosen installation source can be reached: the errors a real install would
// meet (PXE ROM messages, the installer's "unable to access repository").
// Raised as OPERATION_NOT_ALLOWED with the message the learner would see.
import type { InstallAnswers } from '../../xapi/simulator/install-answers';
import { xenError } from '../../xapi/errors';
import type { Machine, PxeConfig } from './lab-store';

export function assertCanBoot(machine: Machine, pxe: PxeConfig, source: 'cd' | 'pxe', nic: number): void {
  if (machine.state === 'installing') throw xenError('OPERATION_NOT_ALLOWED', `${machine.name} is already installing`);
  if (source === 'cd') return;
  const card = machine.spec.nics[nic];
  if (card === undefined) throw xenError('OPERATION_NOT_ALLOWED', `${machine.name} has no NIC ${String(nic)}: no network boot device`);
  if (!card.pxe) throw xenError('OPERATION_NOT_ALLOWED', `${card.model} has no PXE boot ROM: the firmware finds no network boot device`);
  if (!pxe.dhcp) throw xenError('OPERATION_NOT_ALLOWED', 'PXE-E51: No DHCP or proxyDHCP offers were received (no DHCP server offers PXE boot options)');
  if (!pxe.tftp) throw xenError('OPERATION_NOT_ALLOWED', 'PXE-E32: TFTP open timeout (no TFTP server holds the installer\'s boot files)');
}

export function assertSourceReachable(answers: InstallAnswers, pxe: PxeConfig): void {
  const { source } = answers;
  if (source.kind === 'local') {
    if (answers.bootSource === 'pxe') throw xenError('OPERATION_NOT_ALLOWED', 'No installation media found: this machine booted from the network, not from a CD');
    return;
  }
  const repo = pxe.repository;
  const same = repo.protocol === source.kind && repo.url.replace(/\/+$/, '') === source.url.replace(/\/+$/, '');
  if (!same) {
    throw xenError('OPERATION_NOT_ALLOWED', `Unable to access the location you specified (${source.url}): no ${source.kind.toUpperCase()} repository of the lab is there`);
  }
}
