import { illegalTransition } from './errors/domain-error.js';

/** A state machine as data: for each state, the states it may move to. */
export type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

export function canMove<S extends string>(transitions: Transitions<S>, from: S, to: S): boolean {
  return transitions[from].includes(to);
}

/** Returns `to` when the move is allowed; otherwise 409 ILLEGAL_TRANSITION naming the allowed moves. */
export function move<S extends string>(transitions: Transitions<S>, from: S, to: S): S {
  if (!canMove(transitions, from, to)) throw illegalTransition(from, to, transitions[from]);
  return to;
}
