// The worlds an engine can start from, by the name a host (worker, server,
// tests) asks for. No barrel file: this is the one table of builders.
import type { WorldBuilder } from '../engine';
import { buildDefaultWorld } from './default-world';
import { buildLargeWorld } from './large-world';

export const WORLDS = {
  default: buildDefaultWorld,
  large: buildLargeWorld,
} as const satisfies Readonly<Record<string, WorldBuilder>>;

export type WorldName = keyof typeof WORLDS;

export function isWorldName(name: string): name is WorldName {
  return Object.prototype.hasOwnProperty.call(WORLDS, name);
}
