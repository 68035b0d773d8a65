import type { DemoApi } from './api.js';
import type { DemoPeople } from './seed-people.js';

/**
 * 重复档案: profiles of one person entered twice, as happens in practice — a rider who joined from the link on his
 * phone and was also entered from his station's list (the same mobile number), a worker transferred between two
 * enterprises whose old profile was not closed (the same name and birth year), and a caller registered at the desk
 * who already had a roster profile (same number; merged already, so the merges list and its undo show something).
 * Added through the API by the administrator, after the riders joined (seedMobile).
 */
export async function seedDuplicates(api: DemoApi, people: DemoPeople): Promise<void> {
  const admin = await api.as('admin');
  const add = async (fields: Record<string, unknown>) => String((await admin('POST', '/workers', fields)).id);
  const [first, second, third] = people.enterprises;

  // The same phone as the rider who joined from the 城东配送站 link (seed-mobile.ts).
  await add({ name: '王小川', orgUnitId: first, gender: 'male', birthYear: 1996, phone: '13700000001', jobTitle: '配送员', notes: '据城东配送站骑手名单录入' });

  // Transferred from the second enterprise to the third; the old profile was not closed.
  await add({ name: '张丽华', orgUnitId: second, gender: 'female', birthYear: 1986, employeeNo: 'T-2019-0311', phone: '13912340311', jobTitle: '质检员' });
  await add({ name: '张丽华', orgUnitId: third, gender: 'female', birthYear: 1986, employeeNo: 'T-2024-0087', phone: '13812340087', jobTitle: '质检主管', notes: '由兄弟单位调入' });

  // A roster profile and the one the desk made for the same caller; merged into the roster profile.
  const roster = await add({ name: '李建军', orgUnitId: first, gender: 'male', birthYear: 1979, employeeNo: 'T-2008-0452', phone: '13612340452', jobTitle: '设备维修工' });
  const desk = await add({ name: '李建军', orgUnitId: first, gender: 'male', phone: '13612340452', notes: '热线来电时登记' });
  await admin('POST', '/worker-merges', { keepId: roster, mergeId: desk, reason: '同一人：热线来电时重复建档，手机号一致 / the same person, registered again at the desk' });
}
