import type { ThemeConfig } from 'antd';

/**
 * 心港 colours: a calm harbour teal. Every text colour meets WCAG AA (4.5:1) on white and on the light grey page
 * background, which antd's defaults (#1677ff, 45 % black descriptions) do not; axe-core checks it in the browser tests.
 */
/** People who ask their system for less motion get none (antd's transitions and animations off). */
const reducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export const theme: ThemeConfig = {
  token: {
    motion: !reducedMotion,
    colorPrimary: '#0e6e68',
    colorInfo: '#0e6e68',
    colorLink: '#0b5f5a',
    // Explicit light backgrounds for the status colours: the derived ones are greyish and fail contrast.
    colorSuccessBg: '#eef7e8',
    colorSuccessBorder: '#b7dba0',
    colorWarningBg: '#fdf4e9',
    colorWarningBorder: '#f0c48e',
    colorErrorBg: '#fdf1f1',
    colorErrorBorder: '#f2b8b8',
    colorInfoBg: '#eaf5f3',
    colorInfoBorder: '#a7d3cd',
    colorError: '#c41d1d',
    colorSuccess: '#237804',
    colorWarning: '#9a4400',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    borderRadius: 8,
    fontSize: 15,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'Segoe UI', Roboto, sans-serif",
  },
  components: {
    Menu: { itemSelectedBg: '#e3f1ef', itemSelectedColor: '#0b5f5a', itemColor: 'rgba(0, 0, 0, 0.88)' },
    Layout: {
      headerBg: '#0b5f5a',
      headerColor: '#ffffff',
      headerPadding: '0 16px',
      bodyBg: '#f5f7f7',
      siderBg: '#ffffff',
    },
  },
};

/** Colours for charts, chosen for contrast against white. */
export const CHART_COLOURS = ['#0e6e68', '#9a3412', '#1d4ed8', '#6b21a8', '#166534', '#9d174d'];
