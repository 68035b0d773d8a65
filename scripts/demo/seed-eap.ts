import type { DemoApi } from './api.js';
import type { DemoPeople } from './seed-people.js';

export interface DemoVendor {
  id: string;
  name: string;
  /** The vendor's API key (issued once): the demo reports the vendor's outcomes with it, as the vendor's system would. */
  apiKey: string;
}

const year = new Date().getFullYear();

/**
 * 工会+EAP: two vendors (服务机构), each contracted by a union unit for its subtree with services, quotas and a price,
 * and an API key each. No webhook endpoints: the demo does not depend on a vendor's process (outcomes are reported
 * through the vendor API with the key instead).
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
    vendors.push({ id, name: vendor.name, apiKey: String(key.key) });
  }
  return vendors;
}
