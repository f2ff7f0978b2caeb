import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabAction } from '../../xapi/lab-protocol';
import { INITIAL_PLACE, useUi } from '../state/ui-store';
import { LabGate } from './lab-gate';
import type { LabConnection } from './lab-connection';
import { LabProvider } from './lab-context';
import { useLabStatus, type LabStatus } from './lab-status';
import { ResetLabDialog } from './reset-lab-dialog';

function fakeLab(stored = 'not json') {
  const sent: LabAction[] = [];
  const lab = {
    send: vi.fn((action: LabAction) => sent.push(action)),
    fetchStored: vi.fn(() => Promise.resolve(stored)),
  };
  return { lab: lab as unknown as LabConnection, sent, fetchStored: lab.fetchStored };
}

function setStatus(status: Partial<LabStatus>) {
  act(() => useLabStatus.setState(status));
}

function renderGate(lab: LabConnection) {
  return render(
    <LabProvider lab={lab}>
      <LabGate>
        <p>the console</p>
      </LabGate>
    </LabProvider>,
  );
}

beforeEach(() => {
  useLabStatus.setState({ lab: { state: 'connecting' }, savedAt: undefined, saveError: undefined, restarts: 0 });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('LabGate', () => {
  it('shows a loading page, not the console, while the lab starts', () => {
    const { lab } = fakeLab();
    renderGate(lab);
    expect(screen.getByRole('status')).toHaveProperty('textContent', expect.stringContaining('Starting the lab…'));
    expect(screen.queryByText('the console')).toBeNull();
    setStatus({ lab: { state: 'loading' } });
    expect(screen.getByRole('status').textContent).toContain("Reading the saved lab from this browser's storage.");
  });

  it('shows the console once the lab is ready', () => {
    const { lab } = fakeLab();
    renderGate(lab);
    setStatus({ lab: { state: 'ready', origin: 'restored', virtualTime: 12 } });
    expect(screen.getByText('the console')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('explains a corrupt save, with its reason and the two ways on', async () => {
    const { lab, sent, fetchStored } = fakeLab('not json');
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:saved');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderGate(lab);
    setStatus({ lab: { state: 'corrupt', reason: 'the saved lab is not valid JSON' } });

    const dialog = screen.getByRole('alertdialog', { name: 'The saved lab cannot be opened' });
    expect(dialog.textContent).toContain('the saved lab is not valid JSON');
    expect(screen.queryByText('the console')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Download the saved data' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(fetchStored).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(await blob?.text()).toBe('not json');
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('xenlab-saved-lab.json');
    expect(await screen.findByText(/downloaded as xenlab-saved-lab.json/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Start a fresh lab' }));
    expect(sent).toEqual(['start-fresh']);
    expect(screen.getByRole('button', { name: 'Start a fresh lab' })).toHaveProperty('disabled', true);

    setStatus({ lab: { state: 'ready', origin: 'fresh', virtualTime: 0 } });
    expect(screen.getByText('the console')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('keeps the console after a crash and says so until dismissed', () => {
    const { lab } = fakeLab();
    renderGate(lab);
    setStatus({ lab: { state: 'ready', origin: 'fresh', virtualTime: 0 } });
    setStatus({ lab: { state: 'crashed', reason: 'out of memory' }, restarts: 1 });
    expect(screen.getByText('the console')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('is being restarted from its last save');

    setStatus({ lab: { state: 'loading' } });
    expect(screen.getByText('the console')).toBeTruthy();
    setStatus({ lab: { state: 'ready', origin: 'restored', virtualTime: 5 } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The simulated pool stopped unexpectedly and was restarted from its last save');
    expect(alert.textContent).toContain('out of memory');

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    // A second crash shows the notice again.
    setStatus({ lab: { state: 'crashed', reason: 'again' }, restarts: 2 });
    expect(screen.getByRole('alert').textContent).toContain('again');
  });

  it('saves the lab when the page is hidden or left', () => {
    const { lab, sent } = fakeLab();
    renderGate(lab);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    fireEvent(document, new Event('visibilitychange'));
    fireEvent(window, new Event('pagehide'));
    expect(sent).toEqual(['save-now', 'save-now']);
    visibility.mockReturnValue('visible');
    fireEvent(document, new Event('visibilitychange'));
    expect(sent).toHaveLength(2);
  });
});

describe('ResetLabDialog', () => {
  function renderDialog(lab: LabConnection, onClose: () => void) {
    return render(
      <LabProvider lab={lab}>
        <ResetLabDialog onClose={onClose} />
      </LabProvider>,
    );
  }

  it('resets the lab only when confirmed, and goes back to the top of the tree', () => {
    useUi.setState({ place: { ...INITIAL_PLACE, selection: ['OpaqueRef:vm'], tab: 'memory' } });
    const { lab, sent } = fakeLab();
    const onClose = vi.fn();
    renderDialog(lab, onClose);
    expect(screen.getByRole('alertdialog', { name: 'Reset lab' }).textContent).toContain('cannot be undone');
    fireEvent.click(screen.getByRole('button', { name: 'Reset lab' }));
    expect(sent).toEqual(['reset']);
    expect(onClose).toHaveBeenCalled();
    expect(useUi.getState().place.selection).toEqual([]);
  });

  it('does nothing when cancelled', () => {
    const { lab, sent } = fakeLab();
    const onClose = vi.fn();
    renderDialog(lab, onClose);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(sent).toEqual([]);
    expect(onClose).toHaveBeenCalled();
  });
});
