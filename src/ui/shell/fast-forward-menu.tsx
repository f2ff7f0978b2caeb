// File ▸ Fast Forward ▸: run the simulated pool's clock ahead at once
// (Simulator.advance), so a user can see a day, a week or a month of graphs
// without waiting for them. The engine fills every RRD archive at its own
// resolution on the way. XenLab only: a real pool has no such control.
import * as Menubar from '@radix-ui/react-menubar';
import { useQueryClient } from '@tanstack/react-query';
import { MENU_ITEM, MENU_PANEL } from '../actions/menu-kit';
import { useLab } from '../lab/lab-context';

const HOUR = 3600;
const DAY = 24 * HOUR;

export const FAST_FORWARD_SPANS: readonly { readonly label: string; readonly seconds: number }[] = [
  { label: '1 Hour', seconds: HOUR },
  { label: '1 Day', seconds: DAY },
  { label: '3 Days', seconds: 3 * DAY },
  { label: '1 Week', seconds: 7 * DAY },
  { label: '1 Month', seconds: 30 * DAY },
];

export function FastForwardMenu() {
  const lab = useLab();
  const queryClient = useQueryClient();
  const advance = async (seconds: number) => {
    await lab.client.call('Simulator.advance', seconds);
    // Everything read before the jump is out of date (the clock, the graphs, the records).
    await queryClient.invalidateQueries();
  };
  return (
    <Menubar.Sub>
      <Menubar.SubTrigger className={MENU_ITEM}>
        <span className="w-4" />
        <span>Fast Forward</span>
        <span aria-hidden="true" className="ml-auto pl-4">
          ▸
        </span>
      </Menubar.SubTrigger>
      <Menubar.Portal>
        <Menubar.SubContent className={MENU_PANEL} sideOffset={2} alignOffset={-4} aria-label="Fast Forward">
          {FAST_FORWARD_SPANS.map((span) => (
            <Menubar.Item key={span.label} className={MENU_ITEM} onSelect={() => void advance(span.seconds)}>
              <span className="w-4" />
              {span.label}
            </Menubar.Item>
          ))}
        </Menubar.SubContent>
      </Menubar.Portal>
    </Menubar.Sub>
  );
}
