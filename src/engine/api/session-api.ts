// session.*: login as root with the lab's password; every other call needs the
// session ref it returns.
import { xenError } from '../../xapi/errors';
import { NULL_REF } from '../../xapi/refs';
import { define, type MethodTable } from './registry';

export function defineSessionApi(table: MethodTable): void {
  define(table, {
    name: 'session.login_with_password',
    session: false,
    // (uname, pwd, version, originator); older clients send only the first two.
    params: [
      { name: 'uname', type: 'string' },
      { name: 'pwd', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'originator', type: 'string' },
    ],
    optionalTail: 2,
    run: ({ engine }, [uname, pwd, , originator]) => {
      if (uname !== 'root' || pwd !== engine.config.password) {
        throw xenError('SESSION_AUTHENTICATION_FAILED', uname as string, 'Authentication failure');
      }
      return engine.world.create('session', {
        this_host: engine.masterRef(),
        this_user: NULL_REF,
        last_active: engine.datetime(),
        pool: false,
        is_local_superuser: true,
        auth_user_name: 'root',
        originator: typeof originator === 'string' ? originator : '',
        validation_time: engine.datetime(),
      } as never);
    },
  });
  define(table, {
    name: 'session.logout',
    params: [],
    run: ({ engine, session }) => {
      engine.world.destroy('session', session);
    },
  });
  define(table, {
    name: 'session.get_this_host',
    params: [{ name: 'self', type: { ref: 'session' } }],
    run: ({ engine }, [s]) => engine.world.get('session', s as string).this_host,
  });
}
