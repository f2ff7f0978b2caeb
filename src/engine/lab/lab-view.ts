// Simulator.get_lab's answer, built from the lab store and the world.
import type { LabView, MachineView, ServerView } from '../../xapi/simulator/lab-view';
import type { Engine } from '../engine';
import { hostsOfPool } from '../pool/membership';
import { installProgress } from './install-job';
import type { Machine } from './lab-store';

function machineView(engine: Engine, m: Machine): MachineView {
  const { install } = m;
  let view: MachineView = {
    id: m.id, name: m.name, spec: m.spec, power: m.power, state: m.state, disk: m.disk,
    ...(m.host === undefined ? {} : { host: m.host }),
    ...(m.address === undefined ? {} : { address: m.address }),
  };
  if (install !== undefined) {
    const { rootPassword: _hidden, ...answers } = install.answers;
    view = {
      ...view,
      install: {
        task: install.task,
        phase: install.phases[install.phase]?.name ?? '',
        phases: install.phases.map((p) => p.name),
        phaseIndex: install.phase,
        progress: installProgress(engine, install),
        answers,
      },
    };
  }
  return view;
}

export function labView(engine: Engine): LabView {
  const { state } = engine.lab;
  const servers: ServerView[] = engine.world.refs('pool').map((pool) => ({
    pool,
    master: engine.world.get('pool', pool).master,
    hosts: hostsOfPool(engine, pool),
    state: state.console[pool] ?? 'connected',
  }));
  return {
    generation: engine.lab.generation + engine.world.events.generation,
    machines: Object.values(state.machines).map((m) => machineView(engine, m)),
    pxe: state.pxe,
    servers,
  };
}
