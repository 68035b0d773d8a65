import { matchesFilters, type WorkerFacts } from './campaign-audience.js';

const worker: WorkerFacts = { gender: 'female', cadreLevel: 'none', specialPost: 'shift', employmentStatus: 'employed', birthYear: 1985, erased: false };

describe('campaign audience filters', () => {
  it('without filters reaches everyone not erased', () => {
    expect(matchesFilters({}, worker)).toBe(true);
    expect(matchesFilters({}, { ...worker, erased: true })).toBe(false);
  });

  it('matches any value within one fact, and every fact given', () => {
    expect(matchesFilters({ gender: ['female', 'other'] }, worker)).toBe(true);
    expect(matchesFilters({ gender: ['male'] }, worker)).toBe(false);
    expect(matchesFilters({ gender: ['female'], specialPost: ['hazardous'] }, worker)).toBe(false);
    expect(matchesFilters({ cadreLevel: ['none'], employmentStatus: ['employed', 'retiring'] }, worker)).toBe(true);
  });

  it('treats an empty list as no filter', () => {
    expect(matchesFilters({ gender: [] }, worker)).toBe(true);
  });

  it('applies an inclusive birth-year range; an unknown birth year does not match', () => {
    expect(matchesFilters({ birthYearFrom: 1985, birthYearTo: 1985 }, worker)).toBe(true);
    expect(matchesFilters({ birthYearFrom: 1986 }, worker)).toBe(false);
    expect(matchesFilters({ birthYearTo: 1984 }, worker)).toBe(false);
    expect(matchesFilters({ birthYearFrom: 1950 }, { ...worker, birthYear: null })).toBe(false);
  });
});
