// The default templates as a XenServer 8 host holds them after
// guest-templates-json has imported them: halted VMs with is_a_template and
// is_default_template set, other_config.default_template 'true', a mac_seed,
// and a VM_metrics record (xapi gives every VM one), but no disks: the
// 'disks' provision spec makes them when a VM is made from the template.
import type { Engine } from '../engine';
import { vmMemoryOverhead } from '../host/memory';
import type { TemplateSpec } from './catalog/templates';

/** The default templates, as guest-templates-json imports them into xapi. */
export function buildTemplates(engine: Engine, templates: readonly TemplateSpec[]): string[] {
  return templates.map((t) => {
    const metrics = engine.world.create('VM_metrics', { state: [], current_domain_type: 'unspecified' });
    return engine.world.create('VM', {
      uuid: t.uuid,
      name_label: t.name_label,
      name_description: t.name_description,
      is_a_template: true,
      is_default_template: true,
      power_state: 'Halted',
      user_version: 1,
      domid: -1,
      memory_static_min: t.memory_static_min,
      memory_static_max: t.memory_static_max,
      memory_dynamic_min: t.memory_dynamic_min,
      memory_dynamic_max: t.memory_dynamic_max,
      memory_target: t.memory_dynamic_max,
      memory_overhead: vmMemoryOverhead(t.memory_static_max, t.VCPUs_max, t.domain_type === 'hvm'),
      VCPUs_max: t.VCPUs_max,
      VCPUs_at_startup: t.VCPUs_at_startup,
      VCPUs_params: {},
      actions_after_shutdown: t.actions_after_shutdown,
      actions_after_reboot: t.actions_after_reboot,
      actions_after_crash: t.actions_after_crash,
      domain_type: t.domain_type,
      HVM_boot_policy: t.HVM_boot_policy,
      HVM_boot_params: t.HVM_boot_params,
      HVM_shadow_multiplier: 1,
      PV_bootloader: t.PV_bootloader,
      platform: t.platform,
      other_config: { ...t.other_config, mac_seed: engine.rng.uuid() },
      recommendations: t.recommendations,
      reference_label: t.reference_label,
      has_vendor_device: false, // the loader never sets it; XenCenter reads the recommendation
      generation_id: t.family === 'windows' ? '0:0' : '',
      metrics,
    });
  });
}
