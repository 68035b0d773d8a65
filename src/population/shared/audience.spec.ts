import { isTargetedAt, matchesAudience, normaliseAudience, type ViewerFacts } from './audience.js';

const shiftWorker: ViewerFacts = {
  unitAncestry: ['enterprise', 'city', 'province'],
  gender: 'female',
  specialPost: 'shift',
  employmentStatus: 'employed',
  cadreLevel: 'none',
  lifeEvents: ['new_parent'],
};

describe('audience targeting', () => {
  it('matches everyone when no fact is listed', () => {
    expect(matchesAudience(undefined, shiftWorker)).toBe(true);
    expect(matchesAudience({}, shiftWorker)).toBe(true);
    expect(matchesAudience({ specialPosts: [] }, shiftWorker)).toBe(true);
  });

  it('requires every listed fact to match', () => {
    expect(matchesAudience({ specialPosts: ['shift'] }, shiftWorker)).toBe(true);
    expect(matchesAudience({ specialPosts: ['shift'], genders: ['male'] }, shiftWorker)).toBe(false);
    expect(matchesAudience({ specialPosts: ['hazardous', 'shift'], genders: ['female'] }, shiftWorker)).toBe(true);
    expect(matchesAudience({ employmentStatuses: ['retiring'] }, shiftWorker)).toBe(false);
    expect(matchesAudience({ cadreLevels: ['section', 'division'] }, shiftWorker)).toBe(false);
  });

  it('matches life events when any listed one applies', () => {
    expect(matchesAudience({ lifeEvents: ['caregiver', 'new_parent'] }, shiftWorker)).toBe(true);
    expect(matchesAudience({ lifeEvents: ['bereavement'] }, shiftWorker)).toBe(false);
    expect(matchesAudience({ lifeEvents: ['bereavement'] }, { ...shiftWorker, lifeEvents: [] })).toBe(false);
  });

  it('targets the unit subtree: own unit and every ancestor, never a sibling or a descendant', () => {
    expect(isTargetedAt('enterprise', {}, shiftWorker)).toBe(true);
    expect(isTargetedAt('province', {}, shiftWorker)).toBe(true);
    expect(isTargetedAt('sibling-enterprise', {}, shiftWorker)).toBe(false);
    expect(isTargetedAt('workshop-below', {}, shiftWorker)).toBe(false);
    expect(isTargetedAt('city', { specialPosts: ['high_altitude'] }, shiftWorker)).toBe(false);
  });

  it('normalises away empty lists and duplicates', () => {
    expect(normaliseAudience({ genders: [], specialPosts: ['shift', 'shift'] })).toEqual({ specialPosts: ['shift'] });
    expect(normaliseAudience(null)).toEqual({});
  });
});
