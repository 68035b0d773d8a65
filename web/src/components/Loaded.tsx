import type { ReactNode } from 'react';
import type { Loaded as LoadedState } from '../api/hooks';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

/** Renders loaded data, or the spinner the first time, or the error with a retry. */
export function Loaded<T>({ state, children }: { state: LoadedState<T>; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}
