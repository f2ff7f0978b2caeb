// An rrd_updates answer as xapi sends it with json=true (Rrd_updates.json_of_t:
// every scalar a string, rows newest first), for tests: one host and one VM,
// three 5-second rows, AVERAGE only.
import { parseRrdUpdates } from '../../../xapi/rrd-updates-client';

export const HOST_UUID = '1a2b3c4d-0000-4000-8000-000000000001';
export const VM_UUID = '5e6f7a8b-0000-4000-8000-000000000002';

export const RRD_UPDATES_JSON = JSON.stringify({
  meta: {
    start: '1767225600',
    step: '5',
    end: '1767225615',
    rows: '3',
    columns: '7',
    legend: [
      `AVERAGE:host:${HOST_UUID}:cpu0`,
      `AVERAGE:host:${HOST_UUID}:memory_total_kib`,
      `AVERAGE:host:${HOST_UUID}:memory_free_kib`,
      `AVERAGE:vm:${VM_UUID}:cpu0`,
      `AVERAGE:vm:${VM_UUID}:memory`,
      `AVERAGE:vm:${VM_UUID}:memory_internal_free`,
      `AVERAGE:vm:${VM_UUID}:vif_0_tx`,
    ],
  },
  data: [
    { t: '1767225615', values: ['0.3', '16777216', '8388608', '0.25', '2147483648', '1048576', '2048'] },
    { t: '1767225610', values: ['0.2', '16777216', '8388608', 'NaN', '2147483648', '1048576', '1024'] },
    { t: '1767225605', values: ['0.1', '16777216', '12582912', '0.75', '2147483648', '524288', '0'] },
  ],
});

/** The fixture as the console's parser reads it. */
export const fixtureDoc = () => parseRrdUpdates(RRD_UPDATES_JSON);
