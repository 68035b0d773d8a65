import { formatReference, normaliseReference, referenceDay } from './reference.js';

describe('reference numbers', () => {
  it('formats the day and a zero-padded sequence', () => {
    expect(formatReference(referenceDay('2026-11-25'), 42)).toBe('XG-20261125-0042');
    expect(formatReference('20261125', 1)).toBe('XG-20261125-0001');
  });

  it('grows past four digits instead of wrapping', () => {
    expect(formatReference('20261125', 12345)).toBe('XG-20261125-12345');
  });

  it('refuses nonsense', () => {
    expect(() => formatReference('2026-11-25', 1)).toThrow(RangeError);
    expect(() => formatReference('20261125', 0)).toThrow(RangeError);
    expect(() => formatReference('20261125', 1.5)).toThrow(RangeError);
    expect(() => referenceDay('25/11/2026')).toThrow(RangeError);
  });

  it('reads a reference as people quote it', () => {
    expect(normaliseReference('XG-20261125-0042')).toBe('XG-20261125-0042');
    expect(normaliseReference(' xg 20261125 0042 ')).toBe('XG-20261125-0042');
    expect(normaliseReference('ＸＧ－２０２６１１２５－００４２')).toBe('XG-20261125-0042');
    expect(normaliseReference('xg202611250042')).toBe('XG-20261125-0042');
    expect(normaliseReference('XG-2026112-0042')).toBeNull();
    expect(normaliseReference('hello')).toBeNull();
    expect(normaliseReference("XG-20261125-0042' OR 1=1")).toBeNull();
  });
});
