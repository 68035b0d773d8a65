import { crisisHelp, parseHelpLines } from './crisis-help.js';

const DEFAULT = '12351 职工服务热线 / union hotline;12356 全国心理援助热线 / national psychological assistance hotline';

describe('crisis help for a worker', () => {
  it('reads the help lines from HELP_LINES', () => {
    expect(parseHelpLines(DEFAULT)).toEqual([
      { number: '12351', label: '职工服务热线 / union hotline' },
      { number: '12356', label: '全国心理援助热线 / national psychological assistance hotline' },
    ]);
  });

  it('is supportive, Chinese first then English, names the lines and no clinical label', () => {
    const help = crisisHelp(DEFAULT);
    expect(Object.keys(help)).toEqual(['zh', 'en', 'lines']);
    expect(help.zh).toContain('12351、12356');
    expect(help.en).toContain('12351 or 12356');
    expect(`${help.zh} ${help.en}`).not.toMatch(/抑郁|焦虑|depress|anxi|severe|重度/i);
  });

  it('follows a configured list', () => {
    expect(crisisHelp('400-000-0000 本地热线').lines).toEqual([{ number: '400-000-0000', label: '本地热线' }]);
  });
});
