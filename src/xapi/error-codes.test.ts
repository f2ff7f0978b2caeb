import { describe, it, expect } from 'vitest';
import { ERROR_PARAMS, isErrorCode } from './error-codes';
import { ERROR_DESCRIPTIONS, describeError } from './error-descriptions';
import { errorParamNames, xenError } from './errors';

describe('the error catalogue', () => {
  it('describes every code in plain words', () => {
    for (const code of Object.keys(ERROR_PARAMS)) {
      expect(code).toMatch(/^[A-Z0-9_]+$/);
      expect(describeError(code)?.length ?? 0, code).toBeGreaterThan(10);
    }
    expect(Object.keys(ERROR_DESCRIPTIONS).sort()).toEqual(Object.keys(ERROR_PARAMS).sort());
    expect(describeError('NO_SUCH_CODE')).toBeUndefined();
  });

  it('names parameters as datamodel_errors.ml does', () => {
    expect(errorParamNames('VM_BAD_POWER_STATE')).toEqual(['vm', 'expected', 'actual']);
    expect(errorParamNames('OTHER_OPERATION_IN_PROGRESS')).toEqual(['class', 'object', 'operation_type', 'operation_ref']);
    expect(errorParamNames('VM_REQUIRES_NETWORK')).toEqual(['vm', 'network']);
    expect(errorParamNames('HOST_IS_SLAVE')).toEqual(['Master IP address']);
    expect(errorParamNames('SR_FULL')).toEqual(['requested', 'maximum']);
    expect(errorParamNames('MAP_DUPLICATE_KEY')).toEqual(['type', 'param_name', 'uuid', 'key']);
  });

  it('holds every code the reference lists', () => {
    const listed = `VM_BAD_POWER_STATE HOST_NOT_ENOUGH_FREE_MEMORY VM_REQUIRES_SR VM_REQUIRES_NETWORK OPERATION_NOT_ALLOWED
      VM_MIGRATE_FAILED VM_HAS_TOO_MANY_SNAPSHOTS NO_HOSTS_AVAILABLE OTHER_OPERATION_IN_PROGRESS HANDLE_INVALID
      SESSION_INVALID VM_IS_TEMPLATE HOST_OFFLINE HOST_DISABLED SR_FULL VDI_IN_USE VM_MISSING_PV_DRIVERS TASK_CANCELLED
      HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN CANNOT_EVACUATE_HOST VM_INCOMPATIBLE_WITH_THIS_HOST VM_TOO_MANY_VCPUS
      VM_NO_VCPUS HOST_NOT_ENOUGH_PCPUS MEMORY_CONSTRAINT_VIOLATION VM_HAS_PCI_ATTACHED HOST_IS_SLAVE EVENTS_LOST
      SESSION_AUTHENTICATION_FAILED MESSAGE_METHOD_UNKNOWN MESSAGE_PARAMETER_COUNT_MISMATCH SESSION_NOT_REGISTERED
      VM_HVM_REQUIRED VM_NOT_RESIDENT_HERE HOST_NOT_LIVE VALUE_NOT_SUPPORTED INVALID_VALUE MAP_DUPLICATE_KEY
      OPERATION_BLOCKED VM_SHUTDOWN_TIMEOUT RESTORE_INCOMPATIBLE_VERSION UUID_INVALID FIELD_TYPE_ERROR INTERNAL_ERROR`;
    for (const code of listed.split(/\s+/).filter(Boolean)) expect(isErrorCode(code), code).toBe(true);
    expect(isErrorCode('VM_REQUIRES_NET')).toBe(false); // xapi's code is VM_REQUIRES_NETWORK
  });

  it('builds errors from known codes', () => {
    const e = xenError('VM_BAD_POWER_STATE', 'OpaqueRef:v', 'halted', 'running');
    expect(e.toArray()).toEqual(['VM_BAD_POWER_STATE', 'OpaqueRef:v', 'halted', 'running']);
  });
});
