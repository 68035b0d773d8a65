import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { Loaded } from '../../../components/Loaded';

const READS = /\.(read|search|list|view|export|preview)$|_read$/;

/** "Who saw my record", in plain words: 2026-03-02 10:15 王芳（心理咨询师）查看了你的测评结果. */
export function AccessReportCard() {
  const { t, i18n } = useTranslation();
  const report = useLoad(() => call(api.GET('/api/v1/me/access-report')), []);
  const line = (e: Schemas['AccessEntryDto']) =>
    t('rights.mine.accessLine', {
      who: e.who,
      role: t(`role.${e.role}`, { defaultValue: e.role }),
      verb: READS.test(e.action) ? t('rights.mine.read') : t('rights.mine.changed'),
      what: t(`rights.resource.${e.resourceType}`, { defaultValue: t('rights.resource.other') }),
    });
  return (
    <Card title={<h2 style={{ fontSize: 17, margin: 0 }}>{t('rights.mine.accessTitle')}</h2>}>
      <Typography.Paragraph type="secondary">{t('rights.mine.accessIntro')}</Typography.Paragraph>
      <Loaded state={report}>
        {(entries) => (
          <List
            size="small"
            dataSource={entries}
            pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('rights.mine.noAccess')}</Typography.Text>,
            }}
            renderItem={(e) => (
              <List.Item>
                <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                  {formatDateTime(e.at, i18n.language)}
                </Typography.Text>
                {line(e)}
              </List.Item>
            )}
          />
        )}
      </Loaded>
    </Card>
  );
}
