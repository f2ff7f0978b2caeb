// Back and Forward through the places the user has been (XenCenter's
// toolbar history buttons), with the browser's Alt+Left / Alt+Right.
import { OK, no, type Action } from './action-types';

export const goBack: Action = {
  id: 'nav.back',
  label: 'Back',
  icon: 'back',
  shortcut: { key: 'ArrowLeft', alt: true },
  description: 'Go back to the previous place',
  appliesTo: () => true,
  canRun: (_selection, _cache, history) => (history.canGoBack ? OK : no('There is nowhere to go back to.')),
  run: (context) => context.ui.goBack(),
};

export const goForward: Action = {
  id: 'nav.forward',
  label: 'Forward',
  icon: 'forward',
  shortcut: { key: 'ArrowRight', alt: true },
  description: 'Go forward again',
  appliesTo: () => true,
  canRun: (_selection, _cache, history) => (history.canGoForward ? OK : no('There is nowhere to go forward to.')),
  run: (context) => context.ui.goForward(),
};
