import { useMemo } from 'react';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { pick } from '../../i18n';

/** The catalogue's bilingual labels (topics, methods, audiences, certification types) as one lookup by code. */
export function useTrainingLabels(language: string) {
  const catalogue = useLoad(() => call(api.GET('/api/v1/training/catalogue')), []);
  return useMemo(() => {
    const c = catalogue.data;
    const all = c ? [...c.topics, ...c.methods, ...c.audiences, ...c.certificationTypes] : [];
    const names = new Map(all.map((l) => [l.code, pick(l, language)]));
    return {
      catalogue: c,
      label: (code: string | null | undefined) => (code ? (names.get(code) ?? code) : '—'),
    };
  }, [catalogue.data, language]);
}

/** Staff users by id, for names instead of ids (organisers may read the user list). */
export function useStaffNames() {
  const users = useLoad(() => call(api.GET('/api/v1/users')), []);
  return useMemo(() => {
    const items = (users.data ?? []).filter((u) => u.role !== 'worker');
    return { items, name: (id: string) => items.find((u) => u.id === id)?.displayName ?? id };
  }, [users.data]);
}
