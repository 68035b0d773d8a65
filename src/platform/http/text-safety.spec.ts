import { isSafeText, unsafeTextPaths } from './text-safety.js';

describe('safe text', () => {
  it('keeps tabs, line breaks, CJK and emoji; refuses NUL, other C0 codes, DEL and lone surrogates', () => {
    for (const text of ['', '赵永刚', 'a\tb\nc\r\nd', '😀', ' ']) expect(isSafeText(text)).toBe(true);
    for (const text of ['\u0000', 'a\u0001', '\u000b', '\u001b[31m', '\u007f', '\ud800', 'x\udc00y']) expect(isSafeText(text)).toBe(false);
  });

  it('names each unsafe field by its path, keys included', () => {
    const body = { note: 'ok', items: [{ text: 'fine' }, { text: 'bad\u0000' }], meta: { 'k\u0000': 1 }, tags: ['a', 'b\u0007'], n: 3 };
    expect(unsafeTextPaths(body)).toEqual(['items.1.text', 'meta.k\uFFFD', 'tags.1']);
    expect(unsafeTextPaths('q\u0000', 'q')).toEqual(['q']);
    expect(unsafeTextPaths({ deep: { deeper: { deepest: null } } })).toEqual([]);
  });
});
