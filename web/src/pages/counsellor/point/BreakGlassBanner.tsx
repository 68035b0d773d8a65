import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../../components/LinkButton';
import { useNow } from '../../../components/useNow';
import { activeGrants } from './breakGlassGrants';

/** Minutes and seconds left, e.g. 28:05. */
const left = (ms: number) =>
  `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;

/** While an emergency access lasts: whose cases, the time left counting down, links to the cases. */
export function BreakGlassBanner({ version = 0 }: { version?: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  void version;
  const grants = activeGrants(now);
  if (grants.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} role="status">
      {grants.map((g) => (
        <Alert
          key={g.id}
          type="error"
          showIcon
          title={t('point.breakGlass.banner', {
            name: g.workerName,
            left: left(new Date(g.expiresAt).getTime() - now),
          })}
          description={
            g.cases.length ? (
              <Flex gap={8} wrap>
                {g.cases.map((c) => (
                  <LinkButton key={c.id} size="small" to={`/staff/cases/${c.id}`}>
                    {t('point.breakGlass.openCase')} · {t(`caseLevel.${c.level}`)}
                  </LinkButton>
                ))}
              </Flex>
            ) : (
              t('point.breakGlass.noCases')
            )
          }
        />
      ))}
    </Flex>
  );
}
