import { canonicalJson, sharedData, sharedDataSha256, webhookBody, type SharedReferralData } from './shared-data.js';

const DATA: SharedReferralData = {
  referralId: 'ref_abc',
  service: 'individual_counselling',
  urgency: 'priority',
  contactPreference: { channel: 'phone', detail: '13800138000', bestTime: '工作日晚上' },
  summary: '近期睡眠差，工作压力大 / poor sleep, work stress',
  sessionsAllowed: 6,
  contractReference: 'EAP-2026-01',
};

describe('data shared with a vendor', () => {
  it('keeps exactly the minimum fields, in a fixed order', () => {
    const withExtras = { ...DATA, workerId: 'w-1', name: '张三', answers: [3, 3, 3], contactPreference: { ...DATA.contactPreference, address: 'x' } } as SharedReferralData;
    const shared = sharedData(withExtras);
    expect(Object.keys(shared)).toEqual(['referralId', 'service', 'urgency', 'contactPreference', 'summary', 'sessionsAllowed', 'contractReference']);
    expect(Object.keys(shared.contactPreference)).toEqual(['channel', 'detail', 'bestTime']);
    expect(JSON.stringify(shared)).not.toMatch(/w-1|张三|answers|address/);
  });

  it('hashes the same data to the same fingerprint whatever the key order, and any change to another', () => {
    const reordered = JSON.parse(canonicalJson(DATA)) as SharedReferralData;
    expect(sharedDataSha256(reordered)).toBe(sharedDataSha256(DATA));
    expect(sharedDataSha256(DATA)).toMatch(/^[0-9a-f]{64}$/);
    expect(sharedDataSha256({ ...DATA, sessionsAllowed: 5 })).not.toBe(sharedDataSha256(DATA));
    expect(sharedDataSha256({ ...DATA, summary: `${DATA.summary} ` })).not.toBe(sharedDataSha256(DATA));
  });

  it('writes canonical JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}');
  });

  it('wraps events as Standard Webhooks payloads', () => {
    expect(JSON.parse(webhookBody('referral.withdrawn', new Date('2026-11-25T02:00:00Z'), { referralId: 'ref_abc' }))).toEqual({
      type: 'referral.withdrawn',
      timestamp: '2026-11-25T02:00:00.000Z',
      data: { referralId: 'ref_abc' },
    });
  });
});
