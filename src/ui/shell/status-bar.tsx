// The status bar at the console's foot: whether the lab is saved, the
// simulation clock (virtual time) and its speed controls (Pause, 1×, 10×,
// 60×; Simulator.set_speed). The clock text re-renders four times a second
// here only; nothing else in the console depends on it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useCacheSelector } from '../cache/use-cache';
import type { ObjectCache } from '../cache/object-cache';
import { useLab } from '../lab/lab-context';
import { useLabStatus } from '../lab/lab-status';
import { formatClock, isoClock, simulatorKeys, SPEEDS, useClockReading, virtualTimeAt, type ClockReading } from './simulation-clock';

const selectLoaded = (c: ObjectCache) => c.isLoaded;
const TICK_MS = 250;

/** The virtual time now, updated every tick; never steps back a little when a poll lands just behind the extrapolation. */
function useVirtualUnix(reading: ClockReading): number {
  const [unix, setUnix] = useState(() => virtualTimeAt(reading, performance.now()));
  const last = useRef(unix);
  useEffect(() => {
    const id = setInterval(() => {
      let next = virtualTimeAt(reading, performance.now());
      if (next < last.current && last.current - next < 2 * Math.max(1, reading.speed)) next = last.current;
      last.current = next;
      setUnix(next);
    }, TICK_MS);
    return () => clearInterval(id);
  }, [reading]);
  return unix;
}

function SaveIndicator() {
  const lab = useLabStatus((s) => s.lab);
  const savedAt = useLabStatus((s) => s.savedAt);
  const saveError = useLabStatus((s) => s.saveError);
  let text: string;
  let tone = 'text-slate-700';
  if (lab.state === 'crashed' || lab.state === 'loading' || lab.state === 'connecting') {
    text = 'Restarting the simulated pool…';
    tone = 'text-amber-800';
  } else if (saveError !== undefined) {
    text = `Saving failed: ${saveError}`;
    tone = 'text-red-700';
  } else {
    text = savedAt === undefined ? 'Not saved yet' : 'Saved';
  }
  return (
    <span className={`flex min-w-0 items-center gap-1.5 ${tone}`} title={saveError === undefined ? "The lab is kept in this browser's storage" : text}>
      <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${saveError !== undefined ? 'bg-red-600' : savedAt === undefined ? 'bg-slate-400' : 'bg-green-600'}`} />
      <span role="status" className="truncate">
        {text}
      </span>
    </span>
  );
}

function VirtualClock({ reading }: { reading: ClockReading }) {
  const unix = useVirtualUnix(reading);
  const paused = reading.speed === 0;
  return (
    <span role="timer" aria-label="Virtual time" className="flex items-center gap-1.5 whitespace-nowrap">
      <span aria-hidden="true" className="text-slate-500">
        ◷
      </span>
      <span className="text-slate-500">Virtual time</span>
      <time dateTime={isoClock(unix)} className="font-medium text-slate-900 tabular-nums">
        {formatClock(unix)}
      </time>
      {paused && <span className="rounded-sm bg-amber-100 px-1 text-[11px] font-medium text-amber-900">paused</span>}
    </span>
  );
}

function SpeedControls({ reading }: { reading: ClockReading }) {
  const lab = useLab();
  const queryClient = useQueryClient();
  const setSpeed = useMutation({
    mutationFn: (factor: number) => lab.client.call('Simulator.set_speed', factor),
    onMutate: (factor) => {
      // Show the new speed at once; the clock runs on from where it is now.
      const at = performance.now();
      queryClient.setQueryData<ClockReading | null>(simulatorKeys.clock(), (r) => (r ? { unix: virtualTimeAt(r, at), speed: factor, readAt: at } : r));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: simulatorKeys.clock() }),
  });
  const other = !SPEEDS.some((s) => s.factor === reading.speed);
  return (
    <div role="group" aria-label="Simulation speed" className="flex items-center gap-px rounded-sm border border-slate-300 bg-slate-200">
      {SPEEDS.map((s) => {
        const pressed = reading.speed === s.factor;
        return (
          <button
            key={s.factor}
            type="button"
            aria-pressed={pressed}
            title={s.title}
            onClick={() => {
              if (!pressed) setSpeed.mutate(s.factor);
            }}
            className={`min-w-9 px-2 py-px text-[12px] first:rounded-l-sm last:rounded-r-sm focus-visible:relative focus-visible:outline-2 focus-visible:outline-blue-600 ${
              pressed ? 'bg-blue-600 font-semibold text-white' : 'bg-white text-slate-800 hover:bg-slate-100'
            }`}
          >
            {s.factor === 0 && (
              <span aria-hidden="true" className="mr-1">
                ❚❚
              </span>
            )}
            {s.label}
          </button>
        );
      })}
      {other && <span className="bg-white px-2 py-px text-[12px] text-slate-800">{reading.speed}×</span>}
    </div>
  );
}

export function StatusBar() {
  const lab = useLab();
  const loaded = useCacheSelector(selectLoaded);
  const getClient = useCallback(() => lab.client, [lab]);
  const clock = useClockReading(getClient, loaded);
  const reading = clock.data;
  return (
    <footer aria-label="Status bar" className="flex h-7 shrink-0 items-center gap-4 border-t border-slate-300 bg-slate-50 px-3 text-xs text-slate-700">
      <SaveIndicator />
      <div className="ml-auto flex items-center gap-3">
        {reading !== undefined && reading !== null && (
          <>
            <VirtualClock reading={reading} />
            <SpeedControls reading={reading} />
          </>
        )}
      </div>
    </footer>
  );
}
