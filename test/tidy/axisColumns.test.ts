import { describe, expect, it } from 'vitest';
import { axisColumns } from '../../src/tidy/axisColumns.js';
import { axisLabel } from '../../src/tidy/axisLabel.js';

const cols = (values: unknown[], path: (string | number)[] = ['p']) => axisColumns({ path, values }).map((c) => ({ name: c.name, type: c.type, cells: values.map((v) => c.cell(v)) }));

describe('axis columns of the tidy tables', () => {
  it('whole numbers give one int64 column, other numbers one double column, named by the axis path', () => {
    expect(cols([100, 200], ['slots'])).toEqual([{ name: 'slots', type: 'int64', cells: [100, 200] }]);
    expect(cols([0.001, 0.003], ['rollups', 0, 'pool', 'fee'])).toEqual([{ name: 'rollups.0.pool.fee', type: 'double', cells: [0.001, 0.003] }]);
  });

  it('texts stay string, booleans bool; a null value is missing and does not change the type', () => {
    expect(cols(['atomic', 'split'])).toEqual([{ name: 'p', type: 'string', cells: ['atomic', 'split'] }]);
    expect(cols([false, true])).toEqual([{ name: 'p', type: 'bool', cells: [false, true] }]);
    expect(cols([null, 0.5])).toEqual([{ name: 'p', type: 'double', cells: [null, 0.5] }]);
  });

  it('objects give a readable label column and the JSON beside it', () => {
    const values = [{ name: 'first-price' }, { name: 'tullock', alpha: 1 }];
    expect(cols(values, ['mechanism'])).toEqual([
      { name: 'mechanism', type: 'string', cells: ['first-price', 'tullock(alpha=1)'] },
      { name: 'mechanism.json', type: 'string', cells: ['{"name":"first-price"}', '{"name":"tullock","alpha":1}'] },
    ]);
  });

  it('a mixed axis (0.2 / "strategic") is split: a label for every value and the numbers in p.number, never one object column', () => {
    expect(cols([0.2, 'strategic'], ['delta'])).toEqual([
      { name: 'delta', type: 'string', cells: ['0.2', 'strategic'] },
      { name: 'delta.number', type: 'double', cells: [0.2, null] },
    ]);
    expect(cols([1, { name: 'x' }]).map((c) => c.name)).toEqual(['p', 'p.number', 'p.json']);
  });
});

describe('axisLabel', () => {
  it('names an object by name, id or kind with its other fields in parentheses, lists in brackets', () => {
    expect(axisLabel({ name: 'fixed', shares: [0.5, 0.5] })).toBe('fixed(shares=[0.5, 0.5])');
    expect(axisLabel([{ id: 'b1', skill: 1, strategy: { name: 'exp3', gamma: 0.05 } }])).toBe('[b1(skill=1, strategy=exp3(gamma=0.05))]');
    expect(axisLabel({ a: 1 })).toBe('(a=1)');
    expect(axisLabel({})).toBe('{}');
    expect(axisLabel(null)).toBe('null');
  });
});
