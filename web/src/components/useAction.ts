import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useErrorText } from './errorText';

/**
 * Runs a change (a button's action) with a busy flag for its button, a success message when given, and a failure
 * shown as what happened + what to do. Answers true when it succeeded.
 */
export function useAction(): [
  (action: () => Promise<unknown>, success?: string) => Promise<boolean>,
  boolean,
] {
  const { message, notification } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>, success?: string) => {
      setBusy(true);
      try {
        await action();
        if (success) void message.success(success);
        return true;
      } catch (error) {
        const text = errorText(error);
        notification.error({ title: text.title, description: text.hint, placement: 'top', duration: 8 });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [message, notification, errorText],
  );
  return [run, busy];
}
