// Installation Media: install from an ISO (an ISO library or a server's DVD
// drive), from a URL (when the template's install-methods allow a network
// install), or boot from the network (PXE, HVM guests). A custom template
// without a DVD drive installs nothing: it boots from its disks.
import { INPUT_BOX, LABEL } from '../../../dialogs/dialog-styles';
import { FieldMessages, describedBy, invalid } from '../../common/field-messages';
import { allowsCdInstall, allowsPxe, allowsUrlInstall } from '../template-facts';
import type { InstallMethod, WizardState } from '../wizard-state';
import { LEGEND, RUBRIC, type PageProps } from './page-props';

function Radio({ value, label, state, disabled, onPick, describedById }: { value: InstallMethod; label: string; state: WizardState; disabled: boolean; onPick: (m: InstallMethod) => void; describedById?: string }) {
  return (
    <label className={`flex items-center gap-2 text-[13px] ${disabled ? 'text-slate-400' : ''}`}>
      <input type="radio" name="install-method" value={value} checked={state.install.method === value} disabled={disabled} aria-describedby={describedById} onChange={() => onPick(value)} />
      {label}
    </label>
  );
}

export function PageInstall({ state, facts, issues, update }: PageProps) {
  const t = facts.template;
  if (t === undefined) return null;
  const pick = (method: InstallMethod) => update((s) => ({ ...s, install: { ...s.install, method } }));
  if (!t.isDefault && t.cdDrive === undefined && !t.bootsFromNetwork) {
    return <p className={RUBRIC}>This template has no DVD drive: the new VM boots from the disks it copies from the template, so there is no installation media to choose.</p>;
  }
  const cd = allowsCdInstall(t);
  const url = allowsUrlInstall(t);
  const pxe = allowsPxe(t);
  const libraries = [...new Set(facts.isos.map((i) => i.srName))];
  const isoIssue = issues['iso'];
  const urlIssue = issues['url'];
  const schemes = t.installMethods.filter((m) => m === 'http' || m === 'ftp' || m === 'nfs');
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <p className={RUBRIC}>Select the installation method for the operating system software you want to install on the new VM.</p>
      <fieldset className="flex flex-col gap-3">
        <legend className={LEGEND}>Installation method</legend>
        <div>
          <Radio value="cd" label={t.isDefault ? 'Install from ISO library or DVD drive:' : 'DVD drive:'} state={state} disabled={!cd} onPick={pick} />
          <div className="mt-1 ml-6">
            <label htmlFor="install-iso" className="sr-only">
              ISO image or DVD drive
            </label>
            <select
              id="install-iso"
              className={`${INPUT_BOX} w-full max-w-md`}
              disabled={!cd}
              value={state.install.iso}
              aria-invalid={state.install.method === 'cd' ? invalid(isoIssue) : undefined}
              aria-describedby={state.install.method === 'cd' ? describedBy('install-iso', isoIssue, false) : undefined}
              onFocus={() => pick('cd')}
              onChange={(e) => {
                const iso = e.target.value;
                update((s) => ({ ...s, install: { ...s.install, method: 'cd', iso } }));
              }}
            >
              <option value="">{t.isDefault ? '(choose an ISO image or DVD drive)' : '<empty>'}</option>
              {libraries.map((lib) => (
                <optgroup key={lib} label={lib}>
                  {facts.isos
                    .filter((i) => i.srName === lib)
                    .map((i) => (
                      <option key={i.ref} value={i.ref}>
                        {i.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
            {state.install.method === 'cd' && <FieldMessages id="install-iso" issue={isoIssue} />}
            {facts.isos.length === 0 && <p className="mt-1 text-xs text-slate-600">There is no ISO library in this pool; create one (New SR ▸ ISO library) to install from an image.</p>}
          </div>
        </div>
        {url && (
          <div>
            <Radio value="url" label="Install from URL:" state={state} disabled={false} onPick={pick} />
            <div className="mt-1 ml-6">
              <label htmlFor="install-url" className="sr-only">
                Installation URL
              </label>
              <input
                id="install-url"
                className={`${INPUT_BOX} w-full max-w-md`}
                placeholder={`${schemes[0] ?? 'http'}://server/path`}
                value={state.install.url}
                aria-invalid={state.install.method === 'url' ? invalid(urlIssue) : undefined}
                aria-describedby={describedBy('install-url', state.install.method === 'url' ? urlIssue : undefined, true)}
                onFocus={() => pick('url')}
                onChange={(e) => {
                  const value = e.target.value;
                  update((s) => ({ ...s, install: { ...s.install, method: 'url', url: value } }));
                }}
              />
              <FieldMessages id="install-url" issue={state.install.method === 'url' ? urlIssue : undefined} hint={`The network installation repository: ${schemes.map((m) => `${m}://server/path`).join(', ')}.`} />
            </div>
          </div>
        )}
        <div>
          <Radio value="pxe" label="Boot from network" state={state} disabled={!pxe} onPick={pick} describedById="install-pxe-hint" />
          <p id="install-pxe-hint" className="mt-1 ml-6 text-xs text-slate-600">
            {pxe ? 'The VM boots from a PXE server on its network and installs from there.' : 'Only HVM guests can boot from the network.'}
          </p>
        </div>
      </fieldset>
      {!t.isDefault && <p className="text-xs text-slate-600">Custom template: its own settings are kept; a disc put in its DVD drive is optional.</p>}
      <p className={`${LABEL} font-normal text-slate-600`}>Boot mode: {t.bootParams['firmware'] === 'uefi' ? (t.platform['secureboot'] === 'true' ? 'UEFI Secure Boot' : 'UEFI') : t.hvm ? 'BIOS' : 'PV'} (from the template).</p>
    </div>
  );
}
