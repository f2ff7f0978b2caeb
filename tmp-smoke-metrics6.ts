import { Engine } from './src/engine/engine';
import { WORLDS } from './src/engine/worlds/world-by-name';
import { sampleAll } from './src/engine/metrics/sample-all';
const world = process.argv[2] ?? 'large';
const big = Engine.create({ seed: 1, build: WORLDS[world as 'large'] });
for (const hour of [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 26, 30, 36, 130, 134]) {
  const t = hour * 3600; // epoch Monday 08:00 → hour 0 = Mon 08:00
  const s = sampleAll(big, t, 60);
  const hosts = s.filter((x) => x.kind === 'host');
  const cpu = hosts.map((h) => h.values['cpu_avg']!);
  const load = hosts.map((h) => h.values['loadavg']!);
  const vms = s.filter((x) => x.kind === 'vm' && x.values['memory_internal_free'] !== undefined);
  const steal = vms.filter((v) => v.values['runnable_vcpus']! > 0.01).length;
  let lat = 0, n = 0, maxLat = 0, rd = 0, wr = 0, tx = 0;
  for (const v of vms) for (const [k, x] of Object.entries(v.values)) {
    if (k.endsWith('_read_latency') && x > 0) { lat += x; n++; maxLat = Math.max(maxLat, x); }
    if (/^vbd_.*_read$/.test(k)) rd += x; if (/^vbd_.*_write$/.test(k)) wr += x;
    if (/^vif_.*_tx$/.test(k)) tx += x;
  }
  const pifmax = Math.max(...hosts.map((h) => Math.max(h.values['pif_eth0_tx'] ?? 0, h.values['pif_eth1_tx'] ?? 0)));
  console.log(`h+${hour}`.padEnd(6), 'cpu avg', (cpu.reduce((a, b) => a + b, 0) / cpu.length).toFixed(3), 'max', Math.max(...cpu).toFixed(3), 'load max', Math.max(...load).toFixed(2), 'steal VMs', steal, 'rdlat avg µs', (lat / Math.max(1, n)).toFixed(0), 'max', maxLat.toFixed(0), 'disk MB/s r', (rd / 1e6).toFixed(1), 'w', (wr / 1e6).toFixed(1), 'vif tx MB/s', (tx / 1e6).toFixed(1), 'pif max MB/s', (pifmax / 1e6).toFixed(1));
}
