import { Button, Card, Empty, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client';
import type { Schemas } from '../../../api/types';
import { formatDateTime } from '../../../components/dates';
import { useAction } from '../../../components/useAction';

/** Case notes (encrypted on the server, shown only here), newest first, and a box to add one. */
export function NotesCard({
  caseId,
  notes,
  onAdded,
}: {
  caseId: string;
  notes: Schemas['CaseNoteDto'][];
  onAdded: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const [run, busy] = useAction();
  const add = async () => {
    const ok = await run(
      () =>
        call(
          api.POST('/api/v1/crisis-cases/{id}/notes', {
            params: { path: { id: caseId } },
            body: { body: body.trim() },
          }),
        ),
      t('case.noteAdded'),
    );
    if (ok) {
      setBody('');
      onAdded();
    }
  };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('case.notes')}</h2>} style={{ height: '100%' }}>
      <label htmlFor="case-note">{t('case.newNote')}</label>
      <Input.TextArea
        id="case-note"
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        maxLength={5000}
      />
      <Button
        style={{ marginTop: 8 }}
        type="primary"
        loading={busy}
        disabled={!body.trim()}
        onClick={() => void add()}
      >
        {t('case.addNote')}
      </Button>
      {notes.length === 0 ? (
        <Empty description={t('case.noNotes')} />
      ) : (
        <List
          dataSource={[...notes].reverse()}
          renderItem={(n) => (
            <List.Item>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatDateTime(n.at, i18n.language)}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
