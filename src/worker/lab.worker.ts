// Entry of the lab's module Web Worker: the simulated pool runs here, off the
// page's main thread, and is reached only through messages.
import type { ToWorker } from '../xapi/lab-protocol';
import { LabHost } from './lab-host';
import { indexedDbStore } from './world-store';

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let firstPending = 0;

function createHost(world: 'default' | 'large', speed: number): LabHost {
  return new LabHost({
    store: indexedDbStore(world === 'large' ? 'xenlab-large' : 'xenlab'),
    world,
    speed,
    post: (message, transfer) => self.postMessage(message, { transfer: transfer ?? [] }),
    sleep: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
    ticks: {
      now: () => performance.now(),
      every: (ms, tick) => {
        const id = setInterval(tick, ms);
        return () => clearInterval(id);
      },
    },
    // Debounced, but never postponed past 5 × the delay while changes keep coming.
    debounce: (ms, fn) => {
      const now = performance.now();
      if (saveTimer === undefined) firstPending = now;
      else clearTimeout(saveTimer);
      const wait = Math.max(0, Math.min(ms, firstPending + 5 * ms - now));
      saveTimer = setTimeout(() => {
        saveTimer = undefined;
        fn();
      }, wait);
    },
  });
}

let host: LabHost | undefined;
const early: ToWorker[] = [];

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === 'init') {
    if (host !== undefined) return;
    const speed = Number.isFinite(message.speed) && message.speed >= 0 ? message.speed : 1;
    host = createHost(message.world === 'large' ? 'large' : 'default', speed);
    const lab = host;
    void lab.boot().then(() => {
      for (const m of early.splice(0)) void lab.receive(m);
    });
    return;
  }
  if (host === undefined) early.push(message);
  else void host.receive(message);
});
