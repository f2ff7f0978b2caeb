// The XenAPI client's waits on the browser's own timer (the contract layer
// reads no timer itself).
import { timerDelay } from '../../xapi/delay';

export const browserDelay = timerDelay({
  start: (callback, ms) => window.setTimeout(callback, ms),
  cancel: (handle) => window.clearTimeout(handle as number),
});
