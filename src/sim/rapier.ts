/**
 * The physics engine, loaded once per process. rapier3d-compat inlines its WebAssembly, so `init()`
 * needs no file access; every simulator awaits `loadRapier()` before building a world.
 */
import RAPIER from '@dimforge/rapier3d-compat';

export type Rapier = typeof RAPIER;

let ready: Promise<Rapier> | undefined;

export function loadRapier(): Promise<Rapier> {
  ready ??= RAPIER.init().then(() => RAPIER);
  return ready;
}
