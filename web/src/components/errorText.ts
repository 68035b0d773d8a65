import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError, messagePart } from '../api/errors';

export interface ErrorText {
  /** What went wrong: the server's message in the language shown. */
  title: string;
  /** What to do about it. */
  hint: string;
}

function statusGroup(status: number): string {
  if ([400, 401, 403, 404, 409, 429].includes(status)) return String(status);
  return status >= 500 ? '500' : 'other';
}

/** Turns any failure into what happened and what to do, Chinese first (hints per error code, else per status). */
export function useErrorText(): (error: unknown) => ErrorText {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof NetworkError)
        return { title: t('errors.network.title'), hint: t('errors.network.hint') };
      if (error instanceof ApiError) {
        const title = error.serverMessage
          ? messagePart(error.serverMessage, i18n.language)
          : t('errors.generic.title');
        const byCode = `errors.codes.${error.code}`;
        const hint = i18n.exists(byCode) ? t(byCode) : t(`errors.status.${statusGroup(error.status)}`);
        return { title, hint };
      }
      return { title: t('errors.generic.title'), hint: t('errors.generic.hint') };
    },
    [t, i18n],
  );
}
