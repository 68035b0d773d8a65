import type { SummarySection } from '../../../platform/data-subject/data-subject.registry.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const RECORD_HEADINGS: Record<string, string> = {
  learning: '学习与活动 Learning and events',
  groups: '互助小组 Self-help groups',
  counselling: '心理咨询 Counselling',
  programmes: '关爱项目 Care programmes',
  individual: '危机援助与转介 Crisis care and referrals',
};

/** Any JSON value as nested lists: plain enough to read, complete enough to hold everything. */
function renderValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : `<ol>${value.map((v) => `<li>${renderValue(v)}</li>`).join('')}</ol>`;
  if (typeof value === 'object') {
    return `<dl>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${renderValue(v)}</dd>`)
      .join('')}</dl>`;
  }
  return escape(typeof value === 'string' ? value : JSON.stringify(value));
}

/** The readable copy: each module's section, then the rest of the composed record. Self-contained HTML, no scripts. */
export function renderSummaryHtml(sections: SummarySection[], record: Record<string, unknown>, at: Date): string {
  const parts = sections.map(
    (s) =>
      `<section><h2>${escape(s.title.zh)} / ${escape(s.title.en)}</h2>${
        s.rows.length === 0 ? '<p>—</p>' : `<table>${s.rows.map((r) => `<tr><th>${escape(r.label)}</th><td>${escape(r.value)}</td></tr>`).join('')}</table>`
      }</section>`,
  );
  const more = Object.entries(RECORD_HEADINGS).map(([key, heading]) => `<section><h2>${escape(heading)}</h2>${renderValue(record[key])}</section>`);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>我的数据副本 / A copy of my data</title>
<style>body{font-family:sans-serif;max-width:52rem;margin:2rem auto;line-height:1.5}th{text-align:left;padding-right:1rem}dt{font-weight:bold}</style></head>
<body><h1>我的数据副本 / A copy of my data</h1>
<p>生成时间 Generated: ${escape(at.toISOString())}。机器可读版本（FHIR R4）：GET /api/v1/me/export。/ The machine-readable copy (FHIR R4): GET /api/v1/me/export.</p>
${[...parts, ...more].join('\n')}
</body></html>`;
}
