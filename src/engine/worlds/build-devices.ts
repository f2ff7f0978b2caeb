// Devices for passthrough on a host: a GPU (a PCI record and its PGPU) and an
// SR-IOV capable NIC (a PCI record per port, each port a PIF with the "sriov"
// capability). Whether a host can pass devices through at all is its IOMMU
// (host.chipset_info:iommu, set when the host is built).
import type { Engine } from '../engine';
import { GPU_MODELS, SRIOV_NICS, type GpuModelId, type SriovNicId } from './catalog/devices';

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** xapi's name of a PCI type (Xapi_pci.string_of_pci): vendor id/name, device id/name. */
function pciType(gpu: (typeof GPU_MODELS)[GpuModelId]): string {
  return [gpu.vendor_id, gpu.vendor_name, gpu.device_id, gpu.device_name].join('/');
}

/** The group of this GPU type, made with xapi's name when it is the first of its type (GPU_group.find_or_create). */
function gpuGroupFor(engine: Engine, gpu: (typeof GPU_MODELS)[GpuModelId]): string {
  const type = pciType(gpu);
  const found = engine.world.refs('GPU_group').find((ref) => engine.world.get('GPU_group', ref).GPU_types.join() === type);
  if (found !== undefined) return found;
  return engine.world.create('GPU_group', { name_label: `Group of ${gpu.vendor_name} ${gpu.device_name} GPUs`, GPU_types: [type], other_config: {} });
}

/** A GPU at `pciId` (e.g. 0000:41:00.0), with the PGPU record XenCenter's GPU tab lists. */
export function addGpu(engine: Engine, host: string, model: GpuModelId, pciId: string): string {
  const gpu = GPU_MODELS[model];
  const pci = engine.world.create('PCI', { ...gpu, host, pci_id: pciId, driver_name: 'pciback', dependencies: [], other_config: {} });
  const group = gpuGroupFor(engine, gpu);
  engine.world.create('PGPU', { PCI: pci, GPU_group: group, host, other_config: {}, dom0_access: 'disabled', is_system_display_device: false, compatibility_metadata: {} });
  return pci;
}

/**
 * An SR-IOV NIC whose ports (0000:<bus>:00.<n>) join `networks`, one port
 * each, as the next ethN devices of the host. Returns the ports' PIFs.
 */
export function addSriovNic(engine: Engine, host: string, model: SriovNicId, bus: number, networks: readonly string[]): string[] {
  const nic = SRIOV_NICS[model];
  const existing = engine.world.get('host', host).PIFs.filter((p) => engine.world.find('PIF', p)?.physical === true).length;
  const base = engine.rng.int(0, 0xffffff - nic.ports);
  return networks.slice(0, nic.ports).map((network, port) => {
    const pciId = `0000:${hex(bus, 2)}:00.${String(port)}`;
    const pci = engine.world.create('PCI', {
      class_id: '0200',
      class_name: 'Ethernet controller',
      vendor_id: nic.vendor_id,
      vendor_name: nic.vendor_name,
      device_id: nic.device_id,
      device_name: nic.device_name,
      subsystem_vendor_id: nic.vendor_id,
      subsystem_vendor_name: nic.vendor_name,
      subsystem_device_id: '0001',
      subsystem_device_name: 'Stand-up ConnectX-4 Lx EN, 25GbE dual-port SFP28',
      host,
      pci_id: pciId,
      driver_name: nic.driver,
      dependencies: [],
      other_config: {},
    });
    const metrics = engine.world.create('PIF_metrics', {
      carrier: true,
      vendor_id: nic.vendor_id,
      vendor_name: nic.vendor_name,
      device_id: nic.device_id,
      device_name: nic.device_name,
      speed: nic.speed,
      duplex: true,
      pci_bus_path: pciId,
      last_updated: engine.datetime(),
    });
    const low = hex(base + port, 6);
    return engine.world.create('PIF', {
      device: `eth${String(existing + port)}`,
      network,
      host,
      MAC: `0c:42:a1:${low.slice(0, 2)}:${low.slice(2, 4)}:${low.slice(4, 6)}`, // Mellanox's OUI
      MTU: 1500,
      VLAN: -1,
      metrics,
      physical: true,
      currently_attached: true,
      ip_configuration_mode: 'None',
      properties: { gro: 'on' },
      capabilities: ['sriov'],
      PCI: pci,
      other_config: {},
    });
  });
}
