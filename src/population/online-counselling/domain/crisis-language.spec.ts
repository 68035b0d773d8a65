import { crisisPhrases, fold, hasCrisisLanguage } from './crisis-language.js';

describe('crisis language', () => {
  const shipped = crisisPhrases('');

  it('finds a phrase inside a longer message, across spaces, case and full-width letters', () => {
    expect(hasCrisisLanguage('最近真的觉得活不下去了', shipped)).toBe(true);
    expect(hasCrisisLanguage('有时候 想 死', shipped)).toBe(true);
    expect(hasCrisisLanguage('I want to KILL  myself', shipped)).toBe(true);
    expect(hasCrisisLanguage('ｓｕｉｃｉｄｅ', shipped)).toBe(true);
  });

  it('leaves ordinary messages alone', () => {
    expect(hasCrisisLanguage('这周送单太多，睡不好，想聊聊', shipped)).toBe(false);
    expect(hasCrisisLanguage('', shipped)).toBe(false);
  });

  it('uses the configured list instead of the shipped one', () => {
    const configured = crisisPhrases(' 撑不住 ;  ;不想干了');
    expect(configured).toEqual(['撑不住', '不想干了']);
    expect(hasCrisisLanguage('我快撑不住了', configured)).toBe(true);
    expect(hasCrisisLanguage('想死', configured)).toBe(false);
  });

  it('folds text for matching', () => {
    expect(fold(' Ａ b\tC ')).toBe('abc');
  });
});
