/** Deterministic generators for plausible demo data (a seeded PRNG, so every demo looks the same). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀玲桂英兰红梅琳雪婷慧颖洁燕萍晶佳倩璐欣怡悦瑶琪';
const GIVEN_MALE = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帅峰建国志文博';

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export function chineseName(random: () => number, gender: 'female' | 'male'): string {
  const given = gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE;
  const length = random() < 0.6 ? 2 : 1;
  let name = pick(random, [...SURNAMES]);
  for (let i = 0; i < length; i++) name += pick(random, [...given]);
  return name;
}

export const JOB_TITLES = ['操作工', '技术员', '工程师', '班组长', '车间主任', '质检员', '仓管员', '司机', '会计', '行政专员', '销售代表', '护士', '教师', '安全员', '调度员', '维修工'];

export const PROVINCE = '某省总工会';
export const CITIES = ['东湖市总工会', '西岭市总工会', '南江市总工会'];
export const COUNTIES = ['城关区总工会', '开发区总工会'];
export const ENTERPRISES = [
  '华能电力有限公司工会', '东方机械制造厂工会', '长江物流集团工会', '新城建设集团工会', '第一人民医院工会',
  '实验中学工会', '恒达纺织有限公司工会', '金山煤矿工会', '蓝天航空服务公司工会', '城市公交集团工会',
  '安达化工有限公司工会', '明珠酒店管理公司工会', '顺丰速运分公司工会', '国家电网供电所工会', '市公安局工会',
  '消防救援支队工会', '高速公路管理处工会', '联合食品有限公司工会', '光明乳业分公司工会', '智慧软件园工会',
  '中心医院工会', '钢铁集团工会', '港务集团工会', '外卖骑手联合工会',
];
