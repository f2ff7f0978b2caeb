// The menu bar's and the context menu's Radix parts have the same shape; the
// action menu items are written once against this kit and used in both.
import * as ContextMenu from '@radix-ui/react-context-menu';
import * as Menubar from '@radix-ui/react-menubar';
import type { ComponentType } from 'react';

export interface MenuKit {
  readonly Item: ComponentType<Menubar.MenubarItemProps>;
  readonly Separator: ComponentType<Menubar.MenubarSeparatorProps>;
  readonly Sub: ComponentType<Menubar.MenubarSubProps>;
  readonly SubTrigger: ComponentType<Menubar.MenubarSubTriggerProps>;
  readonly SubContent: ComponentType<Menubar.MenubarSubContentProps>;
  readonly Portal: ComponentType<Menubar.MenubarPortalProps>;
}

export const menubarKit: MenuKit = {
  Item: Menubar.Item,
  Separator: Menubar.Separator,
  Sub: Menubar.Sub,
  SubTrigger: Menubar.SubTrigger,
  SubContent: Menubar.SubContent,
  Portal: Menubar.Portal,
};

export const contextMenuKit: MenuKit = {
  Item: ContextMenu.Item,
  Separator: ContextMenu.Separator,
  Sub: ContextMenu.Sub,
  SubTrigger: ContextMenu.SubTrigger,
  SubContent: ContextMenu.SubContent,
  Portal: ContextMenu.Portal,
};

/** Menu panel and item looks shared by the menu bar and the context menu (compact, desktop-like). */
export const MENU_PANEL =
  'z-50 min-w-56 rounded-sm border border-slate-300 bg-white py-1 text-[13px] text-slate-900 shadow-lg outline-none';

export const MENU_ITEM =
  'flex cursor-default select-none items-center gap-2 py-1 pr-3 pl-2 outline-none data-[highlighted]:bg-blue-600 data-[highlighted]:text-white aria-disabled:text-slate-400 aria-disabled:data-[highlighted]:bg-slate-100 aria-disabled:data-[highlighted]:text-slate-500';

export const MENU_SEPARATOR = 'my-1 h-px bg-slate-200';

export const MENU_SHORTCUT = 'ml-auto pl-6 text-xs text-slate-500 [[data-highlighted]_&]:text-inherit';
