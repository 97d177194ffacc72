/** Σ |a_i − b_i| over the first `a.length` values: the L1 latent distance of the planner's energy. */
export function latentL1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return sum;
}
