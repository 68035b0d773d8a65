import { AlertOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { countdown, formatSpan } from '../pages/counsellor/deadlines';

/** Time left to a server deadline, counting down; overdue is red, bold and says by how much. */
export function DueTag({ dueAt, now, overdue }: { dueAt: string; now: number; overdue?: boolean }) {
  const { t } = useTranslation();
  const words = { d: t('time.d'), h: t('time.h'), m: t('time.m') };
  const d = countdown(dueAt, now, overdue);
  if (d.overdue)
    return (
      <Tag
        color="error"
        icon={<AlertOutlined />}
        style={{ fontWeight: 700, fontSize: 14, padding: '2px 8px' }}
      >
        {d.leftMs < 0 ? t('due.overdueBy', { span: formatSpan(d.leftMs, words) }) : t('due.overdue')}
      </Tag>
    );
  return (
    <Tag color={d.leftMs < 3_600_000 ? 'warning' : 'processing'}>
      {t('due.left', { span: formatSpan(d.leftMs, words) })}
    </Tag>
  );
}
