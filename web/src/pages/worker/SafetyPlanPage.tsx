import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useLoad } from '../../api/hooks';
import { ContactMeButton } from '../../components/ContactMeButton';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { MySafetyPlan } from './MySafetyPlan';

/**
 * 我的安全计划 on the worker's phone: the plan made with a counsellor, step by step in the Stanley–Brown order, the
 * people and help lines as call links. Without a plan (the API answers 404) it says so and offers "请尽快联系我".
 */
export default function SafetyPlanPage() {
  const { t } = useTranslation();
  const plan = useLoad(
    () =>
      call(api.GET('/api/v1/me/safety-plan')).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    [],
  );
  return (
    <>
      <PageTitle title={t('mine.individual.plan')} />
      <Loaded state={plan}>
        {(p) =>
          p ? (
            <Card style={{ borderColor: '#0e6e68' }}>
              <MySafetyPlan plan={p} />
            </Card>
          ) : (
            <Card>
              <Typography.Paragraph>{t('mine.individual.noPlan')}</Typography.Paragraph>
              <ContactMeButton />
            </Card>
          )
        }
      </Loaded>
    </>
  );
}
