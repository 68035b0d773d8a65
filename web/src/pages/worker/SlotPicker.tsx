import { Button, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/types';
import { formatDateTime, formatTime } from '../../components/dates';

/** Free counselling slots, soonest first, each with a choose button. */
export function SlotPicker({
  slots,
  busy,
  actionLabel,
  onPick,
}: {
  slots: readonly Schemas['SlotDto'][];
  busy: boolean;
  actionLabel: string;
  onPick: (slot: Schemas['SlotDto']) => void;
}) {
  const { t, i18n } = useTranslation();
  const free = slots
    .filter((s) => !s.taken && new Date(s.startsAt) > new Date())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (free.length === 0) return <Empty description={t('worker.counselling.noSlots')} />;
  return (
    <List
      itemLayout="vertical"
      dataSource={free}
      renderItem={(slot) => (
        <List.Item
          actions={[
            <Button key="pick" type="primary" disabled={busy} onClick={() => onPick(slot)}>
              {actionLabel}
            </Button>,
          ]}
        >
          <List.Item.Meta
            title={`${formatDateTime(slot.startsAt, i18n.language)}–${formatTime(slot.endsAt)}`}
            description={
              <>
                {slot.counsellorName ?? ''} <Tag>{t(`mode.${slot.mode}`)}</Tag>
                {slot.place ?? ''}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
