import type { Bundle, BundleTarget } from './types.js';

/**
 * The positions a bundle needs, as keys: the top of each rollup's block it touches (`top:r`), the
 * spot right behind a user's swap (`back:u`), and for a sandwich also the spot right ahead of it
 * (`front:u`). Two bundles conflict when they need a common position.
 */
export function positionsOf(target: BundleTarget): string[] {
  switch (target.kind) {
    case 'top':
      return target.rollups.map((r) => `top:${r}`);
    case 'backrun':
      return [`back:${target.userId}`];
    case 'sandwich':
      return [`front:${target.userId}`, `back:${target.userId}`];
  }
}

/** The rollups a bundle acts on. */
export function rollupsOf(target: BundleTarget): readonly number[] {
  return target.kind === 'top' ? target.rollups : [target.rollup];
}

/**
 * True when the two bundles need a common position (a key of `positionsOf` in both), decided
 * without building the keys (it runs for every pair of bundles in every auction): two tops share a
 * rollup; a backrun or sandwich shares the spot behind its user with any other backrun or sandwich
 * of that user; a top never meets a user's spot.
 */
export function conflicts(a: Bundle, b: Bundle): boolean {
  const ta = a.target;
  const tb = b.target;
  if (ta.kind === 'top') {
    if (tb.kind !== 'top') return false;
    for (const r of ta.rollups) if (tb.rollups.includes(r)) return true;
    return false;
  }
  return tb.kind !== 'top' && ta.userId === tb.userId;
}
