// XenAPI messages (the console's Alerts): xapi's message.create with a name,
// a priority (1 = data loss imminent … 5 = informational) and the object it is
// about. Engine code raises them for what a real pool would announce.
import type { ClassName } from '../xapi/datamodel/classes';
import type { Cls } from '../xapi/datamodel/enums';
import type { Engine } from './engine';

const MESSAGE_CLASS: Partial<Record<ClassName, Cls>> = { VM: 'VM', host: 'Host', SR: 'SR', pool: 'Pool', VMSS: 'VMSS', VDI: 'VDI' };

export function raiseMessage(engine: Engine, name: string, priority: number, cls: ClassName, ref: string, body: string): string {
  const record = engine.world.get(cls, ref) as unknown as { uuid: string };
  return engine.world.create('message', {
    name,
    priority,
    cls: MESSAGE_CLASS[cls] ?? 'Pool',
    obj_uuid: record.uuid,
    timestamp: engine.datetime(),
    body,
  });
}
