/**
 * A small seeded uniform source for tests (mulberry32, Tommy Ettinger's 32-bit generator), so a
 * failing case can be replayed from its seed. Not a model stream: the model draws from alea only.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
