import type { DemoApi } from './api.js';
import type { DemoPeople } from './seed-people.js';

/**
 * Consents and data-subject rights: the demo worker asks for a correction of their job title (waiting in the
 * counsellor's 更正与删除申请 queue) after an earlier one was applied, and a withdrawal recorded on paper shows in a
 * worker's consent history. The access report fills itself from the counsellors' audited reads.
 */
export async function seedRights(api: DemoApi, people: DemoPeople): Promise<void> {
  const worker = await api.as('worker');
  const counsellor = await api.as('counsellor');
  const done = await worker('POST', '/me/correction-requests', { field: 'phone', value: '13800001235', note: '换了新手机号' });
  await counsellor('POST', `/rights-requests/${String(done.id)}/approve`);
  await worker('POST', '/me/correction-requests', { field: 'jobTitle', value: '质检班长', note: '今年三月起调岗' });
  await counsellor('POST', `/workers/${people.workerIds[2]}/consents`, { purpose: 'research', granted: true, onPaper: true, note: '纸质同意书 2026-031' });
  await counsellor('POST', `/workers/${people.workerIds[2]}/consents`, { purpose: 'research', granted: false, onPaper: true, note: '职工来电撤回（纸质撤回书 2026-044）' });
}

/**
 * 点: a counsellor of another city opens emergency access to a worker's crisis cases at night (with the reason), for
 * the first city's supervisor to review in 紧急调阅.
 */
export async function seedBreakGlass(api: DemoApi, people: DemoPeople): Promise<void> {
  const onDuty = await api.as('counsellor3');
  await onDuty('POST', '/break-glass', { workerId: people.workerIds[5], reason: '夜间值班接到职工家属来电，称其情绪激动；本单位咨询师暂时联系不上。' });
}
