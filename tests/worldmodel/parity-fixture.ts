/** Reads parity.json files written by training/export.py (fixed inputs + PyTorch outputs). */
import { readFileSync } from 'node:fs';

export interface ArrayCase {
  shape: number[];
  data: number[];
}

export interface ParityFile {
  encoder: { image_hwc: ArrayCase; joint_pos: ArrayCase; z: ArrayCase };
  predictor: { z: ArrayCase; action: ArrayCase; z_next: ArrayCase };
  rollout: {
    z0: ArrayCase;
    actions: ArrayCase;
    goal: ArrayCase;
    energy_l1: ArrayCase;
    energy_l2: ArrayCase;
    latents: ArrayCase;
    /** models with a goal-pose head: the goal seen from each predicted step, [K, H, 4] */
    goal_pose?: ArrayCase;
  };
  preprocess: {
    height: number;
    width: number;
    encoding: string;
    step: number;
    data: number[];
    image_hwc: ArrayCase;
  };
}

export function readParity(path: string): ParityFile {
  return JSON.parse(readFileSync(path, 'utf8')) as ParityFile;
}

export function f32(c: ArrayCase): Float32Array {
  return Float32Array.from(c.data);
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] as number) - (b[i] as number)));
  return m;
}
