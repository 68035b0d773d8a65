import { move } from '../../../platform/state-machine.js';
import { assertDisplayName, assertPlaceFree, displayNameProblem, GROUP_TRANSITIONS, MEMBERSHIP_TRANSITIONS } from './group-rules.js';

describe('self-help group membership', () => {
  it('goes from request to approval, and ends by leaving or removal', () => {
    expect(move(MEMBERSHIP_TRANSITIONS, 'requested', 'active')).toBe('active');
    expect(move(MEMBERSHIP_TRANSITIONS, 'active', 'left')).toBe('left');
    expect(move(MEMBERSHIP_TRANSITIONS, 'active', 'removed')).toBe('removed');
    expect(move(MEMBERSHIP_TRANSITIONS, 'left', 'requested')).toBe('requested');
  });

  it('refuses approving someone who never asked, or declining an active member', () => {
    expect(() => move(MEMBERSHIP_TRANSITIONS, 'withdrawn', 'active')).toThrow(expect.objectContaining({ status: 409, code: 'ILLEGAL_TRANSITION' }));
    expect(() => move(MEMBERSHIP_TRANSITIONS, 'active', 'declined')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });

  it('refuses approval beyond capacity', () => {
    expect(() => assertPlaceFree(8, 7)).not.toThrow();
    expect(() => assertPlaceFree(8, 8)).toThrow(expect.objectContaining({ status: 409, code: 'GROUP_FULL' }));
  });
});

describe('group status', () => {
  it('opens and closes, and archives for good', () => {
    expect(move(GROUP_TRANSITIONS, 'closed', 'open')).toBe('open');
    expect(() => move(GROUP_TRANSITIONS, 'archived', 'open')).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
  });
});

describe('display names', () => {
  it('accepts a pseudonym', () => {
    expect(displayNameProblem('小太阳', '王芳')).toBeNull();
    expect(assertDisplayName('  夜班的猫 ', '李雷')).toBe('夜班的猫');
  });

  it('refuses the real name, or one containing it', () => {
    expect(displayNameProblem('王芳', '王芳')).toBe('DISPLAY_NAME_IS_REAL_NAME');
    expect(displayNameProblem('我是王芳呀', '王芳')).toBe('DISPLAY_NAME_IS_REAL_NAME');
  });

  it('sees the real name through spaces, zero-width characters, separators, full-width forms and case', () => {
    for (const disguised of ['赵 永 刚', '赵\u200b永\u200c刚', '赵\u3000永刚', '赵·永·刚', '我是赵 永刚'])
      expect(displayNameProblem(disguised, '赵永刚')).toBe('DISPLAY_NAME_IS_REAL_NAME');
    expect(displayNameProblem('Li Ming', 'liming')).toBe('DISPLAY_NAME_IS_REAL_NAME');
    expect(displayNameProblem('ＬＩＭＩＮＧ', 'Li Ming')).toBe('DISPLAY_NAME_IS_REAL_NAME');
    expect(displayNameProblem('1 0 0 8 6', '王芳')).toBe('DISPLAY_NAME_HAS_NUMBER');
    expect(displayNameProblem('\u200b\u200b\u200b', '王芳')).toBe('DISPLAY_NAME_LENGTH');
    expect(displayNameProblem('永远向前', '赵永刚')).toBeNull();
  });

  it('refuses long numbers and bad lengths', () => {
    expect(displayNameProblem('工号10086', '王芳')).toBe('DISPLAY_NAME_HAS_NUMBER');
    expect(displayNameProblem('a', '王芳')).toBe('DISPLAY_NAME_LENGTH');
    expect(() => assertDisplayName('x'.repeat(21), '王芳')).toThrow(expect.objectContaining({ status: 400, code: 'DISPLAY_NAME_LENGTH' }));
  });
});
