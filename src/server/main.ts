// `npm run xapi -- [--port 8080] [--host 127.0.0.1] [--world default|large]
//                  [--seed N] [--speed 1] [--password xenlab]`
// Serves a simulated pool over XenAPI (JSON-RPC and XML-RPC) on loopback, its clock running
// in real time × speed, until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { Engine } from '../engine/engine';
import { WORLDS, isWorldName, type WorldName } from '../engine/worlds/world-by-name';
import { JSONRPC_PATH, createXapiServer } from './http-server';
import { createRealTimeClock } from './real-time-clock';

const MAX_SPEED = 3600; // as Simulator.set_speed accepts

const USAGE = `Usage: npm run xapi -- [options]

  --port N          TCP port (default 8080; 0 picks a free one)
  --host ADDR       address to bind (default 127.0.0.1, loopback only)
  --world NAME      ${Object.keys(WORLDS).join(' | ')} (default default)
  --seed N          world seed, an integer (default 1)
  --speed X         virtual seconds per real second, 0..${MAX_SPEED} (default 1; 0 = paused)
  --password PW     root's password (default xenlab)
  --help            this text
`;

interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly world: WorldName;
  readonly seed: number;
  readonly speed: number;
  readonly password: string;
}

class UsageError extends Error {}

function intIn(name: string, text: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`--${name} must be an integer, not "${text}"`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, not ${text}`);
  return n;
}

function parseConfig(argv: readonly string[]): ServerConfig | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        world: { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (values.help === true) return 'help';

  const world = values.world ?? 'default';
  if (!isWorldName(world)) throw new UsageError(`--world must be one of ${Object.keys(WORLDS).join(', ')}, not "${world}"`);
  const speedText = values.speed ?? '1';
  const speed = Number(speedText);
  if (speedText.trim() === '' || !Number.isFinite(speed) || speed < 0 || speed > MAX_SPEED) {
    throw new UsageError(`--speed must be a number from 0 to ${MAX_SPEED}, not "${speedText}"`);
  }
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host must not be empty');
  const password = values.password ?? 'xenlab';
  if (password === '') throw new UsageError('--password must not be empty');
  return {
    port: intIn('port', values.port ?? '8080', 0, 65535),
    host,
    world,
    seed: intIn('seed', values.seed ?? '1', 0, 2 ** 32 - 1),
    speed,
    password,
  };
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function main(): void {
  let config: ServerConfig | 'help';
  try {
    config = parseConfig(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`xenlab xapi: ${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (config === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const cfg = config;

  const built = performance.now();
  const engine = Engine.create({ seed: cfg.seed, password: cfg.password, speed: cfg.speed, build: WORLDS[cfg.world] });
  const buildMs = performance.now() - built;
  const clock = createRealTimeClock(engine);
  const server = createXapiServer(engine, { worldName: cfg.world });

  server.on('error', (e: NodeJS.ErrnoException) => {
    const why = e.code === 'EADDRINUSE' ? `port ${cfg.port} on ${cfg.host} is already in use (try --port)` : e.message;
    process.stderr.write(`xenlab xapi: cannot listen: ${why}\n`);
    clock.stop();
    process.exit(1);
  });

  server.listen(cfg.port, cfg.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : cfg.port;
    const base = `http://${urlHost(cfg.host)}:${port}`;
    clock.start();
    const pw = JSON.stringify(cfg.password);
    process.stdout.write(
      [
        `XenLab XenAPI server: simulated pool "${cfg.world}" (seed ${cfg.seed}, built in ${buildMs.toFixed(0)} ms), clock at ${cfg.speed}× real time`,
        `  JSON-RPC   ${base}${JSONRPC_PATH}   (v1.0 and v2.0)`,
        `  XML-RPC    ${base}/`,
        `  Log in     session.login_with_password("root", ${pw})`,
        `  curl       curl -s ${base}${JSONRPC_PATH} -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","method":"session.login_with_password","params":["root",${pw}],"id":1}'`,
        `  xen-api    createClient({ url: '${base}', auth: { user: 'root', password: ${pw} } })`,
        cfg.host === '127.0.0.1' || cfg.host === '::1' || cfg.host === 'localhost' ? '' : `  Warning: bound to ${cfg.host}, not loopback: anyone who can reach it and knows the password controls the simulated pool.`,
        'Ctrl+C stops it.',
        '',
      ]
        .filter((line, i, all) => line !== '' || i === all.length - 1)
        .join('\n'),
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping (virtual time ${engine.now.toFixed(1)} s)\n`);
    clock.stop();
    server.close(() => process.exit(0));
    // Long-polling event.from requests would hold close() open: cut them.
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main();
