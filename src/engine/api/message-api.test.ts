import { describe, expect, it } from 'vitest';
import type { RecordOf } from '../../xapi/types';
import { raiseMessage } from '../messages';
import { createLab } from '../testing/lab';

describe('message.destroy', () => {
  it('removes the message for good: gone from the records, and a second destroy is HANDLE_INVALID', async () => {
    const lab = await createLab();
    const web = await lab.vmByName('web-01');
    const message = raiseMessage(lab.engine, 'VM_STARTED', 5, 'VM', web, 'VM web-01 started');
    const before = await lab.call<Record<string, RecordOf<'message'>>>('message.get_all_records');
    expect(Object.keys(before)).toContain(message);

    await lab.run('message.destroy', message);

    const after = await lab.call<Record<string, RecordOf<'message'>>>('message.get_all_records');
    expect(Object.keys(after)).not.toContain(message);
    const again = await lab.error('message.destroy', message);
    expect(again.code).toBe('HANDLE_INVALID');
    expect(again.params).toEqual(['message', message]);
  });

  it('is listed among the methods, so the console dismisses through it', async () => {
    const lab = await createLab();
    expect(await lab.engine.call('system.listMethods', [])).toContain('message.destroy');
  });
});
