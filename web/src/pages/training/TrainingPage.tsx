import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, InputNumber, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useLoad } from '../../api/hooks';
import { LinkButton } from '../../components/LinkButton';
import { Loaded } from '../../components/Loaded';
import { PageTitle } from '../../components/PageTitle';
import { CertificationsCard } from './CertificationsCard';
import { useTrainingLabels } from './labels';
import { TrainingCourseForm } from './TrainingCourseForm';

const empty = (text: string) => ({ emptyText: <Typography.Text type="secondary">{text}</Typography.Text> });

/** 继续教育学时 per person for a year. */
function CeHours() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const report = useLoad(
    () => call(api.GET('/api/v1/training/ce-hours', { params: { query: { year } } })),
    [year],
  );
  return (
    <>
      <InputNumber
        aria-label={t('training.year')}
        addonBefore={t('training.year')}
        value={year}
        min={2000}
        max={2100}
        onChange={(v) => v && setYear(v)}
        style={{ marginBottom: 12 }}
      />
      <Loaded state={report}>
        {(r) => (
          <Table
            rowKey="userId"
            size="small"
            pagination={false}
            dataSource={r.items}
            locale={empty(t('training.noHours'))}
            columns={[
              { title: t('training.person'), dataIndex: 'displayName' },
              { title: t('training.role'), key: 'r', render: (_, u) => t(`role.${u.role}`) },
              { title: t('training.hours'), dataIndex: 'hours' },
              { title: t('training.sessionsAttended'), dataIndex: 'sessionsAttended' },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}

/** 干部培养 (线): training courses and their sessions, continuing-education hours, certifications. */
export default function TrainingPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { catalogue, label } = useTrainingLabels(i18n.language);
  const courses = useLoad(() => call(api.GET('/api/v1/training/courses')), []);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageTitle
        title={t('training.nav.manage')}
        subtitle={t('training.intro')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!catalogue}
            onClick={() => setCreating(true)}
          >
            {t('training.course.new')}
          </Button>
        }
      />
      <Tabs
        items={[
          {
            key: 'courses',
            label: t('training.courses'),
            children: (
              <Loaded state={courses}>
                {(list) => (
                  <Table
                    rowKey="id"
                    pagination={false}
                    scroll={{ x: 600 }}
                    dataSource={list}
                    locale={empty(t('training.course.none'))}
                    columns={[
                      { title: t('training.course.title'), dataIndex: 'title' },
                      { title: t('training.course.topic'), key: 't', render: (_, c) => label(c.topic) },
                      {
                        title: t('training.course.certificate'),
                        key: 'c',
                        render: (_, c) => label(c.certificationType),
                      },
                      { title: t('training.sessions'), key: 's', render: (_, c) => c.sessions.length },
                      {
                        title: t('common.actions'),
                        key: 'a',
                        render: (_, c) => (
                          <LinkButton
                            size="small"
                            to={`/staff/training/${c.id}`}
                            aria-label={`${t('common.view')} ${c.title}`}
                          >
                            {t('common.view')}
                          </LinkButton>
                        ),
                      },
                    ]}
                  />
                )}
              </Loaded>
            ),
          },
          { key: 'hours', label: t('training.ceHours'), children: <CeHours /> },
          {
            key: 'certs',
            label: t('training.cert.title'),
            children: (
              <Flex vertical gap={16}>
                <CertificationsCard />
              </Flex>
            ),
          },
        ]}
      />
      {creating && catalogue ? (
        <TrainingCourseForm
          catalogue={catalogue}
          onClose={(id) => {
            setCreating(false);
            if (id) void navigate(`/staff/training/${id}`);
          }}
        />
      ) : null}
    </>
  );
}
