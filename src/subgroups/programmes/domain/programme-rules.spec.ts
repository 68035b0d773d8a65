import { canMove, move } from '../../../platform/state-machine.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TRANSITIONS,
  attendanceOf,
  ENROLMENT_STATUSES,
  ENROLMENT_TRANSITIONS,
  outcomeFits,
  PROGRAMME_STATUSES,
  PROGRAMME_TRANSITIONS,
  TASK_KINDS,
  TASK_OUTCOMES,
  TASK_STATUSES,
  TASK_TRANSITIONS,
} from './programme-rules.js';

/** Every (from, to) pair: allowed exactly when listed, refused with 409 ILLEGAL_TRANSITION otherwise. */
function exhaustive<S extends string>(name: string, states: readonly S[], transitions: Readonly<Record<S, readonly S[]>>, allowed: Array<[S, S]>) {
  describe(`${name} transitions`, () => {
    const expected = new Set(allowed.map(([from, to]) => `${from}>${to}`));
    for (const from of states) {
      for (const to of states) {
        const ok = expected.has(`${from}>${to}`);
        it(`${from} → ${to}: ${ok ? 'allowed' : 'refused'}`, () => {
          expect(canMove(transitions, from, to)).toBe(ok);
          if (ok) expect(move(transitions, from, to)).toBe(to);
          else {
            try {
              move(transitions, from, to);
              throw new Error('moved');
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).status).toBe(409);
              expect((error as DomainError).code).toBe('ILLEGAL_TRANSITION');
            }
          }
        });
      }
    }
  });
}

exhaustive('programme', PROGRAMME_STATUSES, PROGRAMME_TRANSITIONS, [
  ['draft', 'active'],
  ['draft', 'closed'],
  ['active', 'closed'],
]);

exhaustive('enrolment', ENROLMENT_STATUSES, ENROLMENT_TRANSITIONS, [
  ['invited', 'accepted'],
  ['invited', 'declined'],
  ['invited', 'withdrawn'],
  ['accepted', 'declined'],
  ['accepted', 'withdrawn'],
  ['accepted', 'completed'],
]);

exhaustive('activity', ACTIVITY_STATUSES, ACTIVITY_TRANSITIONS, [
  ['scheduled', 'started'],
  ['scheduled', 'cancelled'],
]);

exhaustive('task', TASK_STATUSES, TASK_TRANSITIONS, [
  ['open', 'done'],
  ['open', 'cancelled'],
]);

describe('task outcomes', () => {
  it('lets a check-in end only as attended, no_show or unreachable, and every other task only as done', () => {
    for (const kind of TASK_KINDS) {
      for (const outcome of TASK_OUTCOMES) {
        const expected = kind === 'check_in' ? outcome !== 'done' : outcome === 'done';
        expect([kind, outcome, outcomeFits(kind, outcome)]).toEqual([kind, outcome, expected]);
      }
    }
  });

  it('turns a check-in outcome into attendance', () => {
    expect(attendanceOf('attended')).toBe('present');
    expect(attendanceOf('no_show')).toBe('absent');
    expect(attendanceOf('unreachable')).toBe('absent');
    expect(attendanceOf('done')).toBeNull();
  });
});
