import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { useAction } from '../../../components/useAction';

type Contact = Schemas['WorkerContactDto'];

/** A number as a big tap-to-call link (`tel:`), labelled for screen readers. */
export function CallLink({ number, who }: { number: string; who: string }) {
  const { t } = useTranslation();
  return (
    <Button
      href={`tel:${number.replace(/[^0-9+]/g, '')}`}
      icon={<PhoneOutlined />}
      aria-label={t('contact.callNamed', { who, number })}
    >
      {number}
    </Button>
  );
}

/** The worker's name and numbers, the emergency contact, and call-back numbers given with a request. */
export function ContactDetails({ contact, callbacks = [] }: { contact: Contact | null; callbacks?: string[] }) {
  const { t } = useTranslation();
  const phones = [contact?.phone, contact?.phone2].filter((p): p is string => Boolean(p));
  const extra = [...new Set(callbacks)].filter((n) => !phones.includes(n));
  const ec = contact?.emergencyContact;
  return (
    <Descriptions size="small" column={1}>
      {contact?.phone ? (
        <Descriptions.Item label={t('contact.phone')}>
          <CallLink number={contact.phone} who={contact.name} />
        </Descriptions.Item>
      ) : null}
      {contact?.phone2 ? (
        <Descriptions.Item label={t('contact.phone2')}>
          <CallLink number={contact.phone2} who={contact.name} />
        </Descriptions.Item>
      ) : null}
      {extra.map((n) => (
        <Descriptions.Item key={n} label={t('contact.callback')}>
          <CallLink number={n} who={contact?.name ?? ''} />
        </Descriptions.Item>
      ))}
      {ec ? (
        <Descriptions.Item label={t('contact.emergency')}>
          <Flex gap={8} wrap align="center">
            <span>
              {ec.name}
              {ec.relation ? `（${ec.relation}）` : ''}
            </span>
            {ec.phone ? <CallLink number={ec.phone} who={`${t('contact.emergency')} ${ec.name}`} /> : null}
          </Flex>
        </Descriptions.Item>
      ) : null}
      {phones.length === 0 && extra.length === 0 && !ec ? (
        <Descriptions.Item label={t('contact.phone')}>{t('contact.none')}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** 联系方式 where the work is (desk request, referral): the worker's name and numbers; the server audits the disclosure. */
export function WorkerContactCard({ contact, callbacks = [] }: { contact: Contact; callbacks?: string[] }) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('contact.title')}</h2>} data-contact={contact.workerId}>
      <Typography.Text strong>{contact.name}</Typography.Text>
      <ContactDetails contact={contact} callbacks={callbacks} />
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('contact.audited')}
      </Typography.Text>
    </Card>
  );
}

/** 联系方式 on the crisis case: the numbers (disclosure audited by the server) and the case's own contact notes. */
export function ContactCard({
  caseId,
  contact,
  callbacks,
  note,
  onSaved,
}: {
  caseId: string;
  contact: Contact | null;
  callbacks: string[];
  note: string | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(note ?? '');
  const [run, busy] = useAction();
  const save = () =>
    void run(
      () => call(api.POST('/api/v1/crisis-cases/{id}/contact-note', { params: { path: { id: caseId } }, body: { note: draft } })),
      t('contact.noteSaved'),
    ).then((ok) => ok && onSaved());
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('contact.title')}</h2>} style={{ height: '100%' }}>
      <ContactDetails contact={contact} callbacks={callbacks} />
      <label htmlFor="contact-note" style={{ display: 'block', marginTop: 8, fontWeight: 500 }}>
        {t('contact.note')}
      </label>
      <Input.TextArea
        id="contact-note"
        rows={2}
        maxLength={2000}
        value={draft}
        placeholder={t('contact.notePlaceholder')}
        onChange={(e) => setDraft(e.target.value)}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('contact.audited')}
        </Typography.Text>
        <Button onClick={save} loading={busy} disabled={draft === (note ?? '')}>
          {t('contact.noteSave')}
        </Button>
      </Flex>
    </Card>
  );
}
