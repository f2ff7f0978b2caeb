// The lab's PXE boot service: DHCP boot options, a TFTP server with the
// installer's kernel, and the repository (HTTP or NFS) the installer reads.
import { useState } from 'react';
import { urlError } from '../../xapi/simulator/install-answers';
import type { PxeView } from '../../xapi/simulator/lab-view';
import { BUTTON_SECONDARY, FIELD_ERROR, INPUT, LABEL } from '../dialogs/dialog-styles';
import { useLab } from '../lab/lab-context';

export function PxeSettings({ pxe }: { pxe: PxeView }) {
  const lab = useLab();
  const [dhcp, setDhcp] = useState(pxe.dhcp);
  const [tftp, setTftp] = useState(pxe.tftp);
  const [protocol, setProtocol] = useState(pxe.repository.protocol);
  const [url, setUrl] = useState(pxe.repository.url === '' ? 'http://192.168.10.5/xenserver/' : pxe.repository.url);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const error = protocol === 'none' ? undefined : urlError(protocol, url.trim());
  return (
    <form
      className="space-y-2 rounded-sm border border-slate-300 p-3"
      aria-label="PXE boot server"
      onSubmit={(e) => {
        e.preventDefault();
        if (error !== undefined) return;
        void lab.client.call('Simulator.set_pxe', dhcp, tftp, protocol, protocol === 'none' ? '' : url.trim()).then(() => setSaved('PXE settings applied.'));
      }}
    >
      <h3 className="font-semibold">PXE boot server (192.168.10.5)</h3>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={dhcp} onChange={(e) => setDhcp(e.target.checked)} /> DHCP offers PXE boot options (next-server, pxelinux.0)
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={tftp} onChange={(e) => setTftp(e.target.checked)} /> TFTP server holds the installer&apos;s kernel and initrd
      </label>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col">
          <span className={LABEL}>Repository</span>
          <select className={INPUT} value={protocol} onChange={(e) => setProtocol(e.target.value as PxeView['repository']['protocol'])}>
            <option value="none">None</option>
            <option value="http">HTTP</option>
            <option value="nfs">NFS</option>
          </select>
        </label>
        {protocol !== 'none' && (
          <label className="flex min-w-72 flex-col">
            <span className={LABEL}>Repository address</span>
            <input className={INPUT} value={url} onChange={(e) => setUrl(e.target.value)} aria-invalid={error !== undefined} />
          </label>
        )}
        <button type="submit" className={BUTTON_SECONDARY} aria-disabled={error !== undefined}>
          Apply PXE settings
        </button>
      </div>
      {error !== undefined && <p className={FIELD_ERROR}>{error}</p>}
      {saved !== undefined && <p role="status" className="text-xs text-slate-700">{saved}</p>}
    </form>
  );
}
