import type { Token } from './types.js';

/** The pool's other asset: 'X' ↔ 'Y'. */
export function otherToken(t: Token): Token {
  return t === 'X' ? 'Y' : 'X';
}
