// A horizontal bar for a share of a resource (XenCenter's usage bars on the
// Memory tab and in its search grid): a meter with its value in words for
// screen readers, and the figure written beside it.
export function UsageBar({ label, fraction, text }: { label: string; fraction: number | undefined; text: string }) {
  const percent = fraction === undefined ? undefined : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  const colour = percent === undefined ? '' : percent >= 90 ? 'bg-red-600' : percent >= 75 ? 'bg-amber-500' : 'bg-blue-600';
  return (
    <div className="flex items-center gap-2">
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className="h-3 w-36 shrink-0 overflow-hidden rounded-[2px] border border-slate-400 bg-slate-100"
      >
        {percent !== undefined && <div className={`h-full ${colour}`} style={{ width: `${String(percent)}%` }} />}
      </div>
      <span className="whitespace-nowrap text-slate-700 tabular-nums">{text}</span>
    </div>
  );
}
