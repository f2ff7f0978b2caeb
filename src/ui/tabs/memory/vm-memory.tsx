// A VM's memory as XenCenter shows it: a scale up to the static maximum,
// the dynamic range (where ballooning may set the target) shaded on it, the
// memory in use filled in, and the current target marked; values in words.
import type { RecordOf } from '../../../xapi/types';
import { useObject } from '../../cache/use-cache';
import { formatBytes } from '../../format/bytes';
import { Properties, Row } from '../common/section';

/** Diagonal hatching for the dynamic range (an inline style: a one-off pattern). */
const RANGE_HATCH = 'repeating-linear-gradient(45deg, #bae6fd 0, #bae6fd 4px, #f0f9ff 4px, #f0f9ff 8px)';

export function VmMemory({ vmRef }: { vmRef: string }) {
  const vm = useObject('VM', vmRef);
  const metrics = useObject('VM_metrics', vm?.metrics);
  if (vm === undefined) return null;
  const live = vm.power_state === 'Running' || vm.power_state === 'Paused';
  const actual = live ? (metrics?.memory_actual ?? vm.memory_target) : undefined;
  const dmc = vm.memory_dynamic_min < vm.memory_dynamic_max;
  return (
    <div className="max-w-4xl rounded-sm border border-slate-300 bg-white p-3">
      <h3 className="m-0 mb-3 text-[13px] font-semibold text-slate-800">{vm.name_label}</h3>
      <Scale vm={vm} actual={actual} />
      <ul aria-hidden="true" className="m-0 mt-1 flex list-none gap-4 p-0 text-[12px] text-slate-700">
        {actual !== undefined ? (
          <li className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded-[2px] border border-slate-400 bg-sky-600/85" />
            In use
          </li>
        ) : null}
        <li className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-3 rounded-[2px] border border-slate-400" style={{ background: RANGE_HATCH }} />
          Dynamic range
        </li>
        {actual !== undefined ? (
          <li className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-0.5 bg-slate-900" />
            Target
          </li>
        ) : null}
      </ul>
      <div className="mt-4">
        <Properties>
          <Row label="Dynamic minimum">{formatBytes(vm.memory_dynamic_min)}</Row>
          <Row label="Dynamic maximum">{formatBytes(vm.memory_dynamic_max)}</Row>
          <Row label="Static maximum">{formatBytes(vm.memory_static_max)}</Row>
          <Row label="Current memory">{actual === undefined ? `Not in use (the VM is ${vm.power_state.toLowerCase()})` : formatBytes(actual)}</Row>
          {live ? <Row label="Target">{formatBytes(vm.memory_target)}</Row> : null}
          <Row label="Dynamic Memory Control">{dmc ? 'On: the memory may balloon between the dynamic minimum and maximum' : 'Off: fixed memory (dynamic minimum = maximum)'}</Row>
        </Properties>
      </div>
    </div>
  );
}

function Scale({ vm, actual }: { vm: RecordOf<'VM'>; actual: number | undefined }) {
  const top = Math.max(vm.memory_static_max, vm.memory_dynamic_max, 1);
  const at = (bytes: number) => `${String(Math.min(100, (bytes / top) * 100))}%`;
  const label = `Memory scale up to ${formatBytes(vm.memory_static_max)} static maximum: dynamic range ${formatBytes(vm.memory_dynamic_min)} to ${formatBytes(vm.memory_dynamic_max)}${actual === undefined ? '; not running' : `; using ${formatBytes(actual)}, target ${formatBytes(vm.memory_target)}`}`;
  const ticks = uniqueTicks(
    [
      [0, '0'],
      [vm.memory_dynamic_min, `Dynamic min ${formatBytes(vm.memory_dynamic_min)}`],
      [vm.memory_dynamic_max, `Dynamic max ${formatBytes(vm.memory_dynamic_max)}`],
      [vm.memory_static_max, `Static max ${formatBytes(vm.memory_static_max)}`],
    ],
    top,
  );
  return (
    <div role="img" aria-label={label} className={`relative mx-2 pt-5 ${ticks.some(([, , row]) => row > 0) ? 'pb-10' : 'pb-6'}`}>
      <div className="relative h-6 w-full rounded-sm border border-slate-400 bg-slate-100">
        <div
          className="absolute inset-y-0"
          style={
            // A fixed-memory VM's range is a point: draw it as a narrow band ending there.
            vm.memory_dynamic_min < vm.memory_dynamic_max
              ? { left: at(vm.memory_dynamic_min), width: `calc(${at(vm.memory_dynamic_max)} - ${at(vm.memory_dynamic_min)})`, background: RANGE_HATCH }
              : { left: `calc(${at(vm.memory_dynamic_max)} - 5px)`, width: '5px', background: RANGE_HATCH, borderLeft: '1px solid #0284c7' }
          }
          title="Dynamic range"
        />
        {actual !== undefined ? <div className="absolute inset-y-0 left-0 bg-sky-600/85" style={{ width: at(actual) }} title={`In use: ${formatBytes(actual)}`} /> : null}
      </div>
      {actual !== undefined ? (
        <div className="absolute top-0 flex -translate-x-1/2 flex-col items-center" style={{ left: at(vm.memory_target) }}>
          <span className="text-[11px] leading-none whitespace-nowrap text-slate-700">Target</span>
          <span className="text-[10px] leading-none text-slate-800">▼</span>
          <span className="h-6 w-0.5 bg-slate-900" />
        </div>
      ) : null}
      {ticks.map(([bytes, text, row]) => (
        <span
          key={text}
          className="absolute text-[11px] whitespace-nowrap text-slate-600"
          style={{ left: at(bytes), top: `${String(2.9 + row * 1.1)}rem`, transform: bytes <= 0 ? 'none' : bytes >= top ? 'translateX(-100%)' : 'translateX(-50%)' }}
        >
          {text}
        </span>
      ))}
    </div>
  );
}

/**
 * Ticks at distinct positions (equal values share one label: "Dynamic max =
 * Static max 4 GB"), each on the first of two label rows where it does not
 * crowd the previous label.
 */
function uniqueTicks(ticks: readonly [number, string][], top: number): [number, string, number][] {
  const byValue = new Map<number, string[]>();
  for (const [bytes, text] of ticks) byValue.set(bytes, [...(byValue.get(bytes) ?? []), text]);
  const lastOnRow = [-Infinity, -Infinity];
  return [...byValue.entries()]
    .sort(([a], [b]) => a - b)
    .map(([bytes, texts]) => {
      const row = bytes - (lastOnRow[0] ?? 0) >= top * 0.25 ? 0 : 1;
      lastOnRow[row] = bytes;
      return [bytes, mergeLabels(texts), row];
    });
}

function mergeLabels(texts: readonly string[]): string {
  if (texts.length === 1) return texts[0] ?? '';
  // "Dynamic max 4 GB", "Static max 4 GB" → "Dynamic max = Static max 4 GB"
  const size = texts[0]?.split(' ').slice(-2).join(' ') ?? '';
  return `${texts.map((t) => t.split(' ').slice(0, -2).join(' ')).join(' = ')} ${size}`;
}
