// The full page shown when the saved lab cannot be used (not readable, or
// written by another version of XenLab): what happened in plain words, the
// reason, and the two ways on — keep a copy of the data, or start afresh.
// An alert dialog over an empty page, never a blank page.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useState } from 'react';
import { downloadText } from './download-text';
import type { LabConnection } from './lab-connection';
import { Spinner } from './spinner';

export const SAVED_LAB_FILE = 'xenlab-saved-lab.json';

const BUTTON = 'rounded-sm border px-3 py-1.5 text-[13px] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60';

export function CorruptSaveScreen({ reason, lab }: { reason: string; lab: Pick<LabConnection, 'send' | 'fetchStored'> }) {
  const [starting, setStarting] = useState(false);
  const [download, setDownload] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');

  const startFresh = () => {
    setStarting(true);
    lab.send('start-fresh');
  };
  const downloadSaved = async () => {
    setDownload('busy');
    try {
      downloadText(await lab.fetchStored(), SAVED_LAB_FILE);
      setDownload('done');
    } catch {
      setDownload('failed');
    }
  };

  return (
    <AlertDialog.Root open>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 bg-slate-200" />
        <AlertDialog.Content
          onEscapeKeyDown={(e) => e.preventDefault()}
          className="fixed top-1/2 left-1/2 w-[min(34rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-sm border border-slate-300 bg-white text-sm text-slate-900 shadow-lg"
        >
          <div className="flex items-start gap-3 border-b border-slate-200 px-5 py-4">
            <span aria-hidden="true" className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-amber-100 font-bold text-amber-800">
              !
            </span>
            <div>
              <AlertDialog.Title className="text-base font-semibold">The saved lab cannot be opened</AlertDialog.Title>
              <AlertDialog.Description className="mt-1 text-slate-700">
                XenLab keeps your lab in this browser's storage so that it survives a reload. The copy stored there cannot be used, so the lab cannot continue where you left
                it.
              </AlertDialog.Description>
            </div>
          </div>
          <div className="space-y-3 px-5 py-4">
            <p className="rounded-sm border border-slate-200 bg-slate-50 px-3 py-2 text-[13px] break-words">
              <span className="font-semibold">Reason: </span>
              {reason}
            </p>
            <p className="text-slate-700">
              You can download the saved data to keep a copy, then start a fresh lab with the default pool. Starting afresh replaces the saved data.
            </p>
            {download === 'done' && (
              <p role="status" className="text-[13px] text-green-800">
                The saved data was downloaded as {SAVED_LAB_FILE}.
              </p>
            )}
            {download === 'failed' && (
              <p role="alert" className="text-[13px] text-red-800">
                The saved data could not be read for download.
              </p>
            )}
          </div>
          <div className="flex items-center justify-end gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3">
            {starting && (
              <span role="status" className="mr-auto flex items-center gap-2 text-[13px] text-slate-700">
                <Spinner className="size-4" />
                Starting a fresh lab…
              </span>
            )}
            {/* Cancel: the safe choice, focused first (Radix's alert dialog convention). */}
            <AlertDialog.Cancel asChild>
              <button
                type="button"
                disabled={starting || download === 'busy'}
                onClick={() => void downloadSaved()}
                className={`${BUTTON} border-slate-400 bg-white hover:bg-slate-100`}
              >
                Download the saved data
              </button>
            </AlertDialog.Cancel>
            <button type="button" disabled={starting} onClick={startFresh} className={`${BUTTON} border-blue-700 bg-blue-600 text-white hover:bg-blue-700`}>
              Start a fresh lab
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
