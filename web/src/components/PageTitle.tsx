import { Flex, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, also the document title; `extra` holds the page's main actions. */
export function PageTitle({
  title,
  extra,
  subtitle,
}: {
  title: string;
  extra?: ReactNode;
  subtitle?: ReactNode;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {subtitle ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {subtitle}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
