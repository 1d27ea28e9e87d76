/**
 * `f` remembering its last call: called again with the same two arguments (`===`), it returns the
 * last result without working it out again. For pure functions of immutable inputs (pools are
 * immutable), where several searchers ask the same question in a slot: the arbitrageurs of one
 * rollup quote the same pool at the same price, the cross-rollup ones the same two pools.
 */
export function rememberLast<A, B, R>(f: (a: A, b: B) => R): (a: A, b: B) => R {
  let last: { a: A; b: B; result: R } | null = null;
  return (a, b) => {
    if (last !== null && last.a === a && last.b === b) return last.result;
    const result = f(a, b);
    last = { a, b, result };
    return result;
  };
}
