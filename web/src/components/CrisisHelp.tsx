import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { messagePart } from '../api/errors';
import type { Schemas } from '../api/types';
import { pick } from '../i18n';
import { ContactMeButton } from './ContactMeButton';

/** Ambulance and police: tappable like the help lines. */
const EMERGENCY_NUMBERS = ['120', '110'] as const;

/**
 * Shown at once with a crisis result: the server's supportive message, the help lines as big call buttons, and
 * "contact me now". Focus moves here so a screen reader reads it first.
 */
export function CrisisHelp({ help }: { help: Schemas['CrisisHelpDto'] }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Card role="alert" style={{ border: '2px solid #c41d1d', background: '#fffafa' }}>
      <Typography.Title
        level={2}
        ref={heading}
        tabIndex={-1}
        style={{ fontSize: 20, marginTop: 0, color: '#9f1239' }}
      >
        {t('help.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 16 }}>{pick(help, i18n.language)}</Typography.Paragraph>
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        {help.lines.map((line) => (
          <Button
            key={line.number}
            type="primary"
            size="large"
            block
            href={`tel:${line.number}`}
            icon={<PhoneOutlined />}
          >
            {t('help.call', { number: line.number, label: messagePart(line.label, i18n.language) })}
          </Button>
        ))}
      </Flex>
      <ContactMeButton />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 8 }}>
        {t('help.emergency')}
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        {EMERGENCY_NUMBERS.map((number) => (
          <Button key={number} size="large" danger href={`tel:${number}`} icon={<PhoneOutlined />}>
            {t(`help.emergencyLine.${number}`)}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}
