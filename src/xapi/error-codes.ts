// Error codes the simulator raises, with their parameter names, as in xapi's
// ocaml/idl/datamodel_errors.ml. (The helper filling the datamodel extends this.)
export const ERROR_PARAMS = {
  SESSION_AUTHENTICATION_FAILED: ['username', 'message'],
  SESSION_INVALID: ['handle'],
  MESSAGE_METHOD_UNKNOWN: ['method'],
  MESSAGE_PARAMETER_COUNT_MISMATCH: ['method', 'expected', 'received'],
  HANDLE_INVALID: ['class', 'handle'],
  UUID_INVALID: ['class', 'uuid'],
  FIELD_TYPE_ERROR: ['field'],
  INTERNAL_ERROR: ['message'],
  VM_BAD_POWER_STATE: ['vm', 'expected', 'actual'],
  OTHER_OPERATION_IN_PROGRESS: ['class', 'object', 'operation_type', 'operation_ref'],
  OPERATION_NOT_ALLOWED: ['reason'],
  VM_IS_TEMPLATE: ['vm'],
  HOST_NOT_ENOUGH_FREE_MEMORY: ['needed', 'available'],
  NO_HOSTS_AVAILABLE: [],
  HOST_OFFLINE: ['host'],
  HOST_DISABLED: ['host'],
  TASK_CANCELLED: ['task'],
} as const satisfies Record<string, readonly string[]>;

export type ErrorCode = keyof typeof ERROR_PARAMS;
