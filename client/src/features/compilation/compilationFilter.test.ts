import { describe, expect, it } from 'vitest';
import type { CompilationRow, CompiledRecommendation } from '../../../../shared/domain/compilation.ts';
import { compilationDelegations, filterCompilation, NO_FILTER } from './compilationFilter.ts';

const row = (delegation: string, tag: CompilationRow['tag'], kind: CompilationRow['kind'], ref: string): CompilationRow => ({
  delegation,
  tag,
  kind,
  ref,
  inserted: '',
  deleted: '',
  supporters: [],
  justification: null,
});

const compiled: CompiledRecommendation[] = [
  { id: 'r1', number: '1', text: 'States should share data.', rows: [row('France', 'NOC', 'noChange', 'France'), row('Spain', 'MOD', 'proposal', 's1')] },
  { id: 'r2', number: '1bis', text: 'Interpreters.', rows: [row('France', 'MOD', 'alternative', '1'), row('Jordan', null, 'brackets', 'b1')] },
  { id: 'r3', number: '2', text: 'Training.', rows: [] },
];

const shape = (result: CompiledRecommendation[]) => result.map((entry) => [entry.number, entry.rows.map((r) => `${r.delegation}:${r.tag ?? '-'}`)]);

describe('filterCompilation', () => {
  it('shows every recommendation, with or without proposals, when nothing is chosen', () => {
    expect(shape(filterCompilation(compiled, NO_FILTER))).toEqual([
      ['1', ['France:NOC', 'Spain:MOD']],
      ['1bis', ['France:MOD', 'Jordan:-']],
      ['2', []],
    ]);
  });

  it('keeps one delegation’s rows and only the recommendations where it has some', () => {
    expect(shape(filterCompilation(compiled, { delegation: 'France', tag: '' }))).toEqual([
      ['1', ['France:NOC']],
      ['1bis', ['France:MOD']],
    ]);
  });

  it('keeps one tag, leaving out untagged brackets and reservations', () => {
    expect(shape(filterCompilation(compiled, { delegation: '', tag: 'MOD' }))).toEqual([
      ['1', ['Spain:MOD']],
      ['1bis', ['France:MOD']],
    ]);
  });

  it('combines both filters, and can leave nothing', () => {
    expect(shape(filterCompilation(compiled, { delegation: 'Spain', tag: 'MOD' }))).toEqual([['1', ['Spain:MOD']]]);
    expect(filterCompilation(compiled, { delegation: 'Jordan', tag: 'NOC' })).toEqual([]);
  });
});

describe('compilationDelegations', () => {
  it('lists each delegation with a row once, in order, and keeps the chosen one after its rows went', () => {
    expect(compilationDelegations(compiled)).toEqual(['France', 'Jordan', 'Spain']);
    expect(compilationDelegations(compiled, 'Morocco')).toEqual(['France', 'Jordan', 'Morocco', 'Spain']);
  });
});
