import { deliveryJobKey } from '../../src/eap/webhooks-out/webhook-outbox.service.js';
import type { DemoApi } from './api.js';
import type { Backstage } from './backstage.js';
import type { DemoPeople } from './seed-people.js';

export interface DemoVendor {
  id: string;
  name: string;
  /** The vendor's API key (issued once): the demo reports the vendor's outcomes with it, as the vendor's system would. */
  apiKey: string;
}

const year = new Date().getFullYear();

/**
 * Where the demo vendors' webhooks go: a loopback port nothing listens on (the discard port), so each attempt fails
 * at once and the deliveries log shows the failure and the retry schedule. The demo does not depend on a vendor's
 * process: outcomes are reported through the vendor API with the key instead.
 */
const UNREACHABLE_WEBHOOK = 'http://127.0.0.1:9';

/**
 * 工会+EAP: two vendors (服务机构), each contracted by a union unit for its subtree with services, quotas and a price;
 * per vendor an active API key and a revoked one (the vendor's old test system), a webhook endpoint (the first
 * vendor's active, so the referral sent later shows its failed deliveries; the second's disabled) and an inbound
 * signing secret (the secrets are random, shown once to the seed and dropped).
 */
export async function seedEap(api: DemoApi, people: DemoPeople): Promise<DemoVendor[]> {
  const admin = await api.as('admin');
  const vendors: DemoVendor[] = [];
  for (const vendor of [
    {
      name: '心晴 EAP 服务中心',
      services: ['individual_counselling', 'online_counselling', 'hotline', 'family_counselling', 'crisis_support'],
      regions: ['东湖市', '西岭市'],
      contactName: '刘晓燕',
      contactEmail: 'service@xinqing-eap.example.cn',
      contactPhone: '400-820-1235',
      contracts: [
        { orgUnitId: people.cities[0], reference: `DH-EAP-${year}-001`, services: ['individual_counselling', 'online_counselling', 'family_counselling', 'crisis_support'], sessionsPerWorker: 6, sessionsTotal: 600, pricePerSessionCents: 30000 },
        { orgUnitId: people.cities[1], reference: `XL-EAP-${year}-003`, services: ['individual_counselling', 'hotline'], sessionsPerWorker: 4, sessionsTotal: 200, pricePerSessionCents: 28000 },
      ],
    },
    {
      name: '安心员工帮助计划（EAP）有限公司',
      services: ['individual_counselling', 'online_counselling', 'critical_incident', 'group_workshop'],
      regions: ['南江市', '全省'],
      contactName: '黄志强',
      contactEmail: 'union@anxin-eap.example.cn',
      contactPhone: '0571-8888-1235',
      contracts: [
        { orgUnitId: people.root, reference: `SZGH-EAP-${year}-017`, services: ['critical_incident', 'group_workshop', 'online_counselling'], sessionsPerWorker: 3, sessionsTotal: 2000, pricePerSessionCents: 25000 },
      ],
    },
  ]) {
    const { contracts, ...fields } = vendor;
    const id = String((await admin('POST', '/eap/vendors', fields)).id);
    for (const contract of contracts) {
      await admin('POST', '/eap/contracts', { vendorId: id, startsOn: `${year}-01-01`, endsOn: `${year + 1}-12-31`, ...contract });
    }
    const key = await admin('POST', `/eap/vendors/${id}/api-keys`, { label: '服务机构业务系统 / vendor system' });
    const old = await admin('POST', `/eap/vendors/${id}/api-keys`, { label: '旧测试系统（已停用）/ old test system' });
    await admin('POST', `/eap/vendors/${id}/api-keys/${String(old.id)}/revoke`);
    const endpoint = await admin('POST', `/eap/vendors/${id}/webhook-endpoints`, {
      url: `${UNREACHABLE_WEBHOOK}/${vendors.length === 0 ? 'xinqing' : 'anxin'}/xingang-events`,
      description: '演示：本地地址，投递会失败 / demo: a local address, deliveries fail',
    });
    if (vendors.length > 0) await admin('POST', `/eap/webhook-endpoints/${String(endpoint.id)}/disable`);
    await admin('POST', `/eap/vendors/${id}/inbound-secret/rotate`, { graceHours: 0 });
    vendors.push({ id, name: vendor.name, apiKey: String(key.key) });
  }
  return vendors;
}

/**
 * After the referral to the first vendor was sent: its webhook message has been tried once; two more attempts now
 * (instead of at their backed-off times), so the deliveries log shows a few failed attempts and the next retry.
 */
export async function seedWebhookAttempts(api: DemoApi, stage: Backstage, vendors: DemoVendor[]): Promise<void> {
  const admin = await api.as('admin');
  const [endpoint] = (await admin('GET', `/eap/vendors/${vendors[0].id}/webhook-endpoints`)) as unknown as Array<{ id: string }>;
  await stage.runJobs();
  for (let retry = 0; retry < 2; retry++) {
    const deliveries = (await admin('GET', `/eap/webhook-endpoints/${endpoint.id}/deliveries`)) as unknown as Array<{ messageId: string }>;
    for (const messageId of new Set(deliveries.map((d) => d.messageId))) await stage.rescheduleJob(deliveryJobKey(messageId), new Date());
    await stage.runJobs();
  }
}
