// A uPlot canvas in React. uPlot draws a few thousand points in a couple of
// milliseconds where an SVG chart library built a DOM node tree per line
// and measured its text every refresh (the Performance tab's 100–300 ms
// tasks). The plot is made once per `options` and fed new data in place;
// its width follows the box (a ResizeObserver), its height is fixed. Plots
// are built one per task (build-queue.ts): a page of graphs mounts without
// one long task.
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartBuilds } from './build-queue';

export type ScaleLimits = Readonly<Record<string, { readonly min: number; readonly max: number }>>;

export interface UPlotChartProps {
  /** Everything but the size; a new object rebuilds the plot (keep it memoised). */
  readonly options: Omit<uPlot.Options, 'width' | 'height'>;
  readonly data: uPlot.AlignedData;
  readonly height: number;
  /** Fixed limits per scale key, set with each new data; without them the options' ranges fit the data. */
  readonly scales?: ScaleLimits;
  /** Indexes (1-based, as uPlot counts series) of the series not drawn. */
  readonly hidden?: ReadonlySet<number>;
}

// memo: a graph re-renders on every pointer move (its tooltip); the plot's props do not change then.
export const UPlotChart = memo(function UPlotChart({ options, data, height, scales, hidden }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // What a rebuilt plot starts from: the props of the latest render.
  const latest = useRef({ data, scales, hidden });
  useLayoutEffect(() => {
    latest.current = { data, scales, hidden };
  });

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    // The box's width comes from a ResizeObserver, which reports it after the
    // browser's own layout of the frame. Reading el.clientWidth in the build
    // task forced a style and layout pass of the whole new page there (bench:ui:
    // 40 of the 75 ms of the first graph's task when a Performance tab opened).
    let width: number | undefined;
    let built: uPlot | undefined;
    let cancel: (() => void) | undefined;
    const resize = new ResizeObserver((entries) => {
      const rect = entries[entries.length - 1]?.contentRect;
      if (rect === undefined) return;
      width = Math.max(1, Math.round(rect.width));
      if (built !== undefined) {
        if (width !== built.width) built.setSize({ width, height });
        return;
      }
      cancel ??= chartBuilds.add(() => {
        const u = new uPlot({ ...options, width: width ?? 1, height }, undefined, el);
        built = u;
        plot.current = u;
        feed(u, latest.current.data, latest.current.scales);
        applyHidden(u, latest.current.hidden);
      });
    });
    resize.observe(el);
    return () => {
      cancel?.();
      resize.disconnect();
      if (built === undefined) return;
      built.destroy();
      plot.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    const u = plot.current;
    if (u !== null && u.data !== data) feed(u, data, scales);
  }, [data, scales]);

  useEffect(() => {
    if (plot.current !== null) applyHidden(plot.current, hidden);
  }, [hidden]);

  return <div ref={box} className="min-w-0" style={{ height }} />;
});

function feed(u: uPlot, data: uPlot.AlignedData, scales: ScaleLimits | undefined): void {
  if (scales === undefined) {
    u.setData(data);
    return;
  }
  u.batch(() => {
    u.setData(data, false);
    for (const [key, limits] of Object.entries(scales)) u.setScale(key, limits);
  });
}

function applyHidden(u: uPlot, hidden: ReadonlySet<number> | undefined): void {
  u.batch(() => {
    for (let i = 1; i < u.series.length; i++) {
      const show = hidden?.has(i) !== true;
      if (u.series[i]?.show !== show) u.setSeries(i, { show });
    }
  });
}
