// Sessions, tasks (for Async.* calls) and messages (alerts).
// Fields, types, qualifiers and defaults transcribed from xapi's ocaml/idl/datamodel*.ml
// (internal-only fields left out), in the datamodel's order. Links marked `inverse` are
// the datamodel's all_relations: xapi keeps both ends equal.
import type { ClassSpec } from './spec';
import { T, enumOf, mapOf, ref, setOf } from './field-types';
import { CLS, TASK_ALLOWED_OPERATIONS, TASK_STATUS_TYPE } from './enums';
import { NULL_REF } from '../refs';
import { EPOCH } from '../datetime';

export const SESSION_CLASS = {
  name: 'session',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'this_host', type: ref('host'), access: 'RO', default: NULL_REF },
    { name: 'this_user', type: ref('user'), access: 'RO', default: NULL_REF },
    { name: 'last_active', type: T.datetime, access: 'RO', default: EPOCH },
    { name: 'pool', type: T.bool, access: 'RO', default: false },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RW', default: {} },
    { name: 'is_local_superuser', type: T.bool, access: 'RO', default: false },
    { name: 'subject', type: ref('subject'), access: 'RO', default: NULL_REF },
    { name: 'validation_time', type: T.datetime, access: 'RO', default: EPOCH },
    { name: 'auth_user_sid', type: T.string, access: 'RO', default: '' },
    { name: 'auth_user_name', type: T.string, access: 'RO', default: '' },
    { name: 'rbac_permissions', type: setOf(T.string), access: 'RO', default: [], qualifier: 'StaticRO' },
    { name: 'tasks', type: setOf(ref('task')), access: 'RO', default: [] },
    { name: 'parent', type: ref('session'), access: 'RO', default: NULL_REF, qualifier: 'StaticRO' },
    { name: 'originator', type: T.string, access: 'RO', default: '' },
    { name: 'client_certificate', type: T.bool, access: 'RO', default: false },
  ],
} as const satisfies ClassSpec;

export const TASK_CLASS = {
  name: 'task',
  named: true,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'name_label', type: T.string, access: 'RO', default: '' },
    { name: 'name_description', type: T.string, access: 'RO', default: '' },
    { name: 'allowed_operations', type: setOf(enumOf(TASK_ALLOWED_OPERATIONS)), access: 'RO', default: [] },
    { name: 'current_operations', type: mapOf(T.string, enumOf(TASK_ALLOWED_OPERATIONS)), access: 'RO', default: {} },
    { name: 'created', type: T.datetime, access: 'RO', default: EPOCH },
    { name: 'finished', type: T.datetime, access: 'RO', default: EPOCH },
    { name: 'status', type: enumOf(TASK_STATUS_TYPE), access: 'RO', default: 'pending', explicitSetter: true },
    { name: 'resident_on', type: ref('host'), access: 'RO', default: NULL_REF },
    { name: 'progress', type: T.float, access: 'RO', default: 0, explicitSetter: true },
    { name: 'type', type: T.string, access: 'RO', default: '' },
    { name: 'result', type: T.string, access: 'RO', default: '', explicitSetter: true },
    { name: 'error_info', type: setOf(T.string), access: 'RO', default: [], explicitSetter: true },
    { name: 'other_config', type: mapOf(T.string, T.string), access: 'RO', default: {}, explicitSetter: true },
    { name: 'subtask_of', type: ref('task'), access: 'RO', default: NULL_REF, inverse: 'subtasks' },
    { name: 'subtasks', type: setOf(ref('task')), access: 'RO', default: [], inverse: 'subtask_of' },
    { name: 'backtrace', type: T.string, access: 'RO', default: '()' }, // the datamodel default is the sexp of an empty backtrace
  ],
} as const satisfies ClassSpec;

export const MESSAGE_CLASS = {
  name: 'message',
  named: false,
  fields: [
    { name: 'uuid', type: T.string, access: 'RO', default: '' },
    { name: 'name', type: T.string, access: 'RO', default: '' },
    { name: 'priority', type: T.int, access: 'RO', default: 0 },
    { name: 'cls', type: enumOf(CLS), access: 'RO', default: 'VM' },
    { name: 'obj_uuid', type: T.string, access: 'RO', default: '' },
    { name: 'timestamp', type: T.datetime, access: 'RO', default: EPOCH },
    { name: 'body', type: T.string, access: 'RO', default: '' },
  ],
} as const satisfies ClassSpec;
