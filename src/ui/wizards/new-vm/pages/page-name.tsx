// Name: the new VM's name (XenCenter suggests "<template> (n)", the first n no
// VM has) and an optional description.
import { INPUT, LABEL } from '../../../dialogs/dialog-styles';
import { FieldMessages, describedBy, invalid } from '../../common/field-messages';
import { rename } from '../wizard-edits';
import { RUBRIC, type PageProps } from './page-props';

export function PageName({ state, issues, update }: PageProps) {
  const issue = issues['name'];
  return (
    <div className="flex max-w-xl flex-col gap-3">
      <p className={RUBRIC}>
        Enter a name that will help you to identify the virtual machine later: one that describes its software and hardware, such as “RHEL DHCP Server”. The name is shown in the Resources pane and can be changed later. You can also add a more detailed description.
      </p>
      <div>
        <label htmlFor="vm-name" className={LABEL}>
          Name
        </label>
        <input
          id="vm-name"
          className={`${INPUT} mt-1`}
          value={state.name}
          // The page's main field takes the focus, as XenCenter's Name page does.
          autoFocus
          required
          aria-required="true"
          aria-invalid={invalid(issue)}
          aria-describedby={describedBy('vm-name', issue, false)}
          onChange={(e) => {
            const name = e.target.value;
            update((s) => rename(s, name));
          }}
        />
        <FieldMessages id="vm-name" issue={issue} />
      </div>
      <div>
        <label htmlFor="vm-description" className={LABEL}>
          Description
        </label>
        <textarea
          id="vm-description"
          className={`${INPUT} mt-1 resize-y`}
          rows={4}
          value={state.description}
          aria-describedby="vm-description-hint"
          onChange={(e) => {
            const description = e.target.value;
            update((s) => ({ ...s, description }));
          }}
        />
        <FieldMessages id="vm-description" issue={undefined} hint="Optional: what the VM is for, who looks after it." />
      </div>
    </div>
  );
}
