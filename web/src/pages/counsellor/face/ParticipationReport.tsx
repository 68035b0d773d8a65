import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import { useLoad } from '../../../api/hooks';
import { Loaded } from '../../../components/Loaded';

const pct = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value}%`);

/** 参与情况: per unit, course enrolments and completions, event seats and attendance (counts only). */
export function ParticipationReport() {
  const { t } = useTranslation();
  const report = useLoad(() => call(api.GET('/api/v1/education/reports/participation')), []);
  return (
    <Loaded state={report}>
      {(r) => (
        <>
          <Typography.Paragraph type="secondary">{t('face.report.intro')}</Typography.Paragraph>
          <Table
            rowKey="orgUnitId"
            size="small"
            pagination={false}
            scroll={{ x: 700 }}
            dataSource={r.rows}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('face.report.none')}</Typography.Text>,
            }}
            columns={[
              { title: t('face.report.unit'), dataIndex: 'orgUnitName' },
              { title: t('face.report.enrolled'), dataIndex: 'enrolled' },
              { title: t('face.report.completed'), dataIndex: 'completed' },
              {
                title: t('face.report.completionRate'),
                key: 'c',
                render: (_, row) => pct(row.completionRate),
              },
              { title: t('face.report.seats'), dataIndex: 'eventSeats' },
              { title: t('face.report.attended'), dataIndex: 'eventAttended' },
              {
                title: t('face.report.attendanceRate'),
                key: 'a',
                render: (_, row) => pct(row.attendanceRate),
              },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}
