import { describe, it, expect } from 'vitest';
import { CLASSES, CLASS_NAMES, canonicalClassName, classSpec, fieldSpec, isClassName } from './classes';
import type { FieldSpec, FieldType } from './spec';
import { TASK_STATUS_TYPE, VBD_MODE, VBD_TYPE, VM_POWER_STATE, DOMAIN_TYPE, VM_OPERATIONS } from './enums';

/** Classes outside CLASSES that refs may point to (their sets stay empty in the simulator). */
const OUTSIDE = new Set([
  'VUSB', 'crashdump', 'VTPM', 'blob', 'VMPP', 'VM_appliance', 'VGPU', 'VM_group', 'user', 'subject', 'host_crashdump',
  'host_patch', 'pool_update', 'Feature', 'Certificate', 'PUSB', 'GPU_group', 'VGPU_type', 'DR_task', 'tunnel',
  'Repository', 'secret', 'VBD_metrics', 'VIF_metrics', 'Cluster', 'Observer', 'Host_driver',
]);

function refTarget(t: FieldType): { target: string; many: boolean } | undefined {
  if (t.kind === 'ref') return { target: t.class, many: false };
  if (t.kind === 'set' && t.of.kind === 'ref') return { target: t.of.class, many: true };
  return undefined;
}

function fits(value: unknown, t: FieldType): boolean {
  switch (t.kind) {
    case 'string':
    case 'datetime':
      return typeof value === 'string';
    case 'int':
      return Number.isInteger(value);
    case 'float':
      return typeof value === 'number';
    case 'bool':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && t.values.includes(value);
    case 'ref':
      return typeof value === 'string' && value.startsWith('OpaqueRef:');
    case 'set':
      return Array.isArray(value) && value.every((v) => fits(v, t.of));
    case 'map':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => fits(v, t.value));
  }
}

const all: [string, FieldSpec][] = Object.values(CLASSES).flatMap((c) => c.fields.map((f): [string, FieldSpec] => [c.name, f]));

describe('the datamodel tables', () => {
  it('key every class by its own name, with unique fields and a uuid', () => {
    for (const [key, spec] of Object.entries(CLASSES)) {
      expect(spec.name).toBe(key);
      const names = spec.fields.map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toContain('uuid');
      expect(spec.named).toBe(names.includes('name_label'));
    }
    expect(CLASS_NAMES).toHaveLength(26);
  });

  it('give every field a default of its own type', () => {
    for (const [cls, f] of all) expect(fits(f.default, f.type), `${cls}.${f.name} = ${JSON.stringify(f.default)}`).toBe(true);
  });

  it('only point refs at known classes', () => {
    for (const [cls, f] of all) {
      const t = refTarget(f.type) ?? (f.type.kind === 'map' ? refTarget(f.type.value) : undefined);
      if (t !== undefined) expect(isClassName(t.target) || OUTSIDE.has(t.target), `${cls}.${f.name} -> ${t.target}`).toBe(true);
    }
  });

  it('mark both ends of every two-way link', () => {
    let links = 0;
    for (const [cls, f] of all) {
      if (f.inverse === undefined) continue;
      links++;
      const here = refTarget(f.type);
      expect(here, `${cls}.${f.name}`).toBeDefined();
      const back = fieldSpec(here?.target ?? '', f.inverse);
      expect(back, `${cls}.${f.name} -> ${here?.target}.${f.inverse}`).toBeDefined();
      expect(back?.inverse).toBe(f.name);
      expect(back && refTarget(back.type)?.target).toBe(cls);
      // The set end of a link is maintained by the server, never set by clients.
      if (here?.many === true) expect(f.access).toBe('RO');
    }
    expect(links).toBe(52);
  });

  it.each([
    ['VBD', 'VM', 'VBDs'],
    ['VBD', 'VDI', 'VBDs'],
    ['VIF', 'VM', 'VIFs'],
    ['VIF', 'network', 'VIFs'],
    ['VDI', 'SR', 'VDIs'],
    ['PBD', 'host', 'PBDs'],
    ['PBD', 'SR', 'PBDs'],
    ['PIF', 'host', 'PIFs'],
    ['PIF', 'network', 'PIFs'],
    ['host_cpu', 'host', 'host_CPUs'],
    ['console', 'VM', 'consoles'],
    ['PCI', 'host', 'PCIs'],
    ['PGPU', 'host', 'PGPUs'],
    ['PGPU', 'GPU_group', 'PGPUs'],
  ])('links %s.%s with the other class', (cls, field, inverse) => {
    expect(fieldSpec(cls, field)?.inverse).toBe(inverse);
  });

  it('links VMs with their host, snapshots and children', () => {
    expect(fieldSpec('VM', 'resident_on')?.inverse).toBe('resident_VMs');
    expect(fieldSpec('host', 'resident_VMs')?.inverse).toBe('resident_on');
    expect(fieldSpec('VM', 'snapshot_of')?.inverse).toBe('snapshots');
    expect(fieldSpec('VM', 'parent')?.inverse).toBe('children');
    expect(fieldSpec('VM', 'snapshot_schedule')?.inverse).toBe('VMs');
  });

  it('keep the qualifier facts consistent', () => {
    for (const [cls, f] of all) {
      const where = `${cls}.${f.name}`;
      if (f.qualifier === 'StaticRO' || f.explicitSetter === true) expect(f.access, where).toBe('RO');
      if (f.required === true) expect(f.access === 'RW' || f.qualifier === 'StaticRO', where).toBe(true);
    }
  });

  it('carry the fields and enums a console reads', () => {
    expect(VM_POWER_STATE).toEqual(['Halted', 'Paused', 'Running', 'Suspended']);
    expect(TASK_STATUS_TYPE).toEqual(['pending', 'success', 'failure', 'cancelling', 'cancelled']);
    expect(VBD_TYPE).toEqual(['CD', 'Disk', 'Floppy']);
    expect(VBD_MODE).toEqual(['RO', 'RW']);
    expect(DOMAIN_TYPE).toEqual(['hvm', 'pv', 'pv_in_pvh', 'pvh', 'unspecified']);
    for (const op of ['start', 'clean_shutdown', 'hard_reboot', 'pool_migrate', 'migrate_send', 'snapshot', 'checkpoint', 'export', 'destroy']) {
      expect(VM_OPERATIONS).toContain(op);
    }
    expect(fieldSpec('VM', 'power_state')).toMatchObject({ default: 'Halted', access: 'RO', qualifier: 'StaticRO' });
    expect(fieldSpec('VM', 'name_label')).toMatchObject({ access: 'RW', default: '' });
    expect(fieldSpec('VM', 'memory_static_max')).toMatchObject({ type: { kind: 'int' }, explicitSetter: true, required: true });
    expect(fieldSpec('VM', 'domid')?.default).toBe(-1);
    expect(fieldSpec('host', 'API_version_major')?.type.kind).toBe('int');
    expect(fieldSpec('pool', 'ha_plan_exists_for')?.default).toBe(0);
    expect(fieldSpec('task', 'error_info')?.type).toEqual({ kind: 'set', of: { kind: 'string' } });
  });

  it('look classes up by any spelling', () => {
    expect(canonicalClassName('vm')).toBe('VM');
    expect(canonicalClassName('Host_Metrics')).toBe('host_metrics');
    expect(canonicalClassName('nope')).toBeUndefined();
    expect(classSpec('SR')?.named).toBe(true);
    expect(classSpec('constructor')).toBeUndefined();
  });
});
