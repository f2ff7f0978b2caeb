// A host's CPU flags, with the one that matters most to a Xen learner picked
// out: vmx (Intel VT-x) or svm (AMD-V), without which HVM guests cannot run.
import { Row } from '../common/section';

const HW_ASSIST: Readonly<Record<string, string>> = { vmx: 'Intel VT-x', svm: 'AMD-V' };

export function CpuFlags({ flags }: { flags: string }) {
  const list = flags.split(/\s+/).filter((f) => f !== '');
  const assist = list.find((f) => HW_ASSIST[f] !== undefined);
  return (
    <>
      <Row label="Hardware-assisted virtualization">
        {assist === undefined ? (
          'Not available: only PV guests can run'
        ) : (
          <>
            <strong>Yes</strong> — {assist} ({HW_ASSIST[assist]}), needed for HVM guests
          </>
        )}
      </Row>
      <Row label="Flags">
        <span className="font-mono text-[11px] leading-snug text-slate-700">
          {list.map((f, i) => (
            <span key={f}>
              {i > 0 ? ' ' : ''}
              {HW_ASSIST[f] !== undefined ? (
                <mark className="rounded-sm bg-amber-200 px-0.5 font-semibold text-slate-900" title="Hardware-assisted virtualization (needed for HVM guests)">
                  {f}
                </mark>
              ) : (
                f
              )}
            </span>
          ))}
        </span>
      </Row>
    </>
  );
}
