// A running domain's consoles: xapi creates them when the domain starts (an
// RFB/VNC console, plus a text console for PV guests) and destroys them when
// it stops. Clients open https://<host>/console?uuid=<console uuid>.
import type { Engine } from '../engine';

export function createConsoles(engine: Engine, vm: string, host: string, pv: boolean): void {
  const address = engine.world.get('host', host).address;
  for (const protocol of pv ? (['rfb', 'vt100'] as const) : (['rfb'] as const)) {
    const uuid = engine.rng.uuid();
    engine.world.create('console', { uuid, protocol, VM: vm, location: `https://${address}/console?uuid=${uuid}`, other_config: {} });
  }
}

export function destroyConsoles(engine: Engine, vm: string): void {
  for (const console of engine.world.get('VM', vm).consoles) engine.world.destroy('console', console);
}
