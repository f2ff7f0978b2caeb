// The tooltip that says why a command is disabled (or what it does), on hover
// and on keyboard focus, as XenCenter's DisabledToolTipText. Screen readers
// get the same text from the control's aria-description.
import * as Tooltip from '@radix-ui/react-tooltip';
import type { ReactElement, ReactNode } from 'react';

export function ReasonTooltip({ text, side = 'bottom', children }: { text: string | undefined; side?: 'bottom' | 'right'; children: ReactElement }) {
  if (text === undefined || text === '') return children;
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content
          side={side}
          sideOffset={4}
          collisionPadding={8}
          className="z-[60] max-w-80 rounded-sm border border-slate-300 bg-amber-50 px-2 py-1 text-xs text-slate-900 shadow-md"
        >
          {text}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}

/** One provider per surface (menu bar, toolbar, context menu): short delay, as desktop tooltips. */
export function TooltipScope({ children }: { children: ReactNode }) {
  return (
    <Tooltip.Provider delayDuration={350} skipDelayDuration={200}>
      {children}
    </Tooltip.Provider>
  );
}
