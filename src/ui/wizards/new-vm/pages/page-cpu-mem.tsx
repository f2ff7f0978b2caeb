// CPU & Memory: the number of vCPUs (with the initial number for guests that
// can add vCPUs while running, i.e. not Windows), their topology, and memory
// (one amount, or a minimum and maximum for a template set up for
// ballooning). Each field says what it accepts and, when the value will not
// do, why — against the template, XenServer's limits and the servers.
import { formatBytes } from '../../../format/bytes';
import { INPUT_BOX, LABEL } from '../../../dialogs/dialog-styles';
import { FieldMessages, describedBy, invalid } from '../../common/field-messages';
import { maxCoresPerSocket, parseCount, topologies, topologyText } from '../cpu-mem-rules';
import { setVcpus } from '../wizard-edits';
import type { MemoryUnit } from '../wizard-state';
import { RUBRIC, type PageProps } from './page-props';

export function PageCpuMem({ state, facts, issues, update }: PageProps) {
  const t = facts.template;
  if (t === undefined) return null;
  const vcpus = parseCount(state.vcpus);
  const options = vcpus === undefined || vcpus < 1 ? [] : topologies(vcpus, maxCoresPerSocket(facts.hosts));
  const hasCurrent = options.some((o) => o.cores === state.coresPerSocket);
  const memoryHint = `At least ${formatBytes(t.memoryStaticMin)} (the template's minimum), at most ${formatBytes(t.limits.maxMemory)}.`;
  const unitSelect = (
    <select
      aria-label="Memory unit"
      className={`${INPUT_BOX} w-20`}
      value={state.memoryUnit}
      onChange={(e) => {
        const unit = e.target.value as MemoryUnit;
        update((s) => ({ ...s, memoryUnit: unit }));
      }}
    >
      <option value="MiB">MB</option>
      <option value="GiB">GB</option>
    </select>
  );
  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <p className={RUBRIC}>
        Specify the number of vCPUs, their topology, and the amount of memory that will be allocated to the new virtual machine.
        {!t.windows && ' If the initial number of vCPUs is set lower than the maximum number, more vCPUs can be added to the virtual machine while it is running.'}
      </p>
      <div>
        <label htmlFor="vm-vcpus" className={`${LABEL} block`}>
          {t.windows ? 'Number of vCPUs' : 'Maximum number of vCPUs'}
        </label>
        <input
          id="vm-vcpus"
          type="number"
          inputMode="numeric"
          min={1}
          max={t.limits.maxVcpus}
          className={`${INPUT_BOX} mt-1 w-28`}
          value={state.vcpus}
          aria-invalid={invalid(issues['vcpus'])}
          aria-describedby={describedBy('vm-vcpus', issues['vcpus'], true)}
          onChange={(e) => {
            const text = e.target.value;
            update((s) => setVcpus(s, text, facts));
          }}
        />
        <FieldMessages id="vm-vcpus" issue={issues['vcpus']} hint={`1 to ${String(t.limits.maxVcpus)} for this template.`} />
      </div>
      {!t.windows && (
        <div>
          <label htmlFor="vm-initial-vcpus" className={`${LABEL} block`}>
            Initial number of vCPUs
          </label>
          <input
            id="vm-initial-vcpus"
            type="number"
            inputMode="numeric"
            min={1}
            max={vcpus}
            className={`${INPUT_BOX} mt-1 w-28`}
            value={state.initialVcpus}
            aria-invalid={invalid(issues['initialVcpus'])}
            aria-describedby={describedBy('vm-initial-vcpus', issues['initialVcpus'], true)}
            onChange={(e) => {
              const text = e.target.value;
              update((s) => ({ ...s, initialVcpus: text }));
            }}
          />
          <FieldMessages id="vm-initial-vcpus" issue={issues['initialVcpus']} hint="How many the VM starts with; no more than the maximum." />
        </div>
      )}
      <div>
        <label htmlFor="vm-topology" className={`${LABEL} block`}>
          Topology
        </label>
        <select
          id="vm-topology"
          className={`${INPUT_BOX} mt-1 w-80`}
          value={state.coresPerSocket}
          disabled={options.length === 0}
          aria-invalid={invalid(issues['topology'])}
          aria-describedby={describedBy('vm-topology', issues['topology'], true)}
          onChange={(e) => {
            const cores = Number(e.target.value);
            update((s) => ({ ...s, coresPerSocket: cores }));
          }}
        >
          {options.map((o) => (
            <option key={o.cores} value={o.cores}>
              {topologyText(o.sockets, o.cores)}
            </option>
          ))}
          {!hasCurrent && <option value={state.coresPerSocket}>{state.coresPerSocket === 1 ? '1 core per socket' : `${String(state.coresPerSocket)} cores per socket`} (Invalid configuration)</option>}
        </select>
        <FieldMessages id="vm-topology" issue={issues['topology']} hint="Cores per socket divide the vCPUs; at most 16 sockets." />
      </div>
      <div>
        <label htmlFor="vm-memory" className={`${LABEL} block`}>
          {t.ballooning ? 'Minimum memory' : 'Memory'}
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="vm-memory"
            inputMode="decimal"
            className={`${INPUT_BOX} w-28`}
            value={state.memoryMin}
            aria-invalid={invalid(issues['memoryMin'])}
            aria-describedby={describedBy('vm-memory', issues['memoryMin'], true)}
            onChange={(e) => {
              const text = e.target.value;
              update((s) => ({ ...s, memoryMin: text, memoryMax: s.memoryMax === '' || !t.ballooning ? text : s.memoryMax }));
            }}
          />
          {unitSelect}
        </div>
        <FieldMessages id="vm-memory" issue={issues['memoryMin']} hint={memoryHint} />
      </div>
      {t.ballooning && (
        <div>
          <label htmlFor="vm-memory-max" className={`${LABEL} block`}>
            Maximum memory
          </label>
          <input
            id="vm-memory-max"
            inputMode="decimal"
            className={`${INPUT_BOX} mt-1 w-28`}
            value={state.memoryMax}
            aria-invalid={invalid(issues['memoryMax'])}
            aria-describedby={describedBy('vm-memory-max', issues['memoryMax'], true)}
            onChange={(e) => {
              const text = e.target.value;
              update((s) => ({ ...s, memoryMax: text }));
            }}
          />
          <span className="ml-2 text-xs text-slate-600">{state.memoryUnit === 'GiB' ? 'GB' : 'MB'}</span>
          <FieldMessages id="vm-memory-max" issue={issues['memoryMax']} hint="With guest tools, memory is ballooned between the minimum and this maximum as servers need it." />
        </div>
      )}
    </div>
  );
}
