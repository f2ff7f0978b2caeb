// Entry of the lab's module Web Worker: the simulated pool runs here, off the
// page's main thread, and is reached only through messages.
import type { ToWorker } from '../xapi/lab-protocol';
import { LabHost } from './lab-host';
import { indexedDbStore } from './world-store';

const params = new URL(self.location.href).searchParams;
const world = params.get('world') === 'large' ? 'large' : 'default';
const speed = Number(params.get('speed') ?? '1');

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let firstPending = 0;

const host = new LabHost({
  store: indexedDbStore(world === 'large' ? 'xenlab-large' : 'xenlab'),
  world,
  speed: Number.isFinite(speed) && speed >= 0 ? speed : 1,
  post: (message) => self.postMessage(message),
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

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  void host.receive(event.data);
});

void host.boot();
