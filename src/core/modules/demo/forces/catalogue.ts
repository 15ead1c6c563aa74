/**
 * The names and words of the demo help forces: helping units (seed 002: 国家烟草局、省卫健委、中国地质大学
 * (武汉) and ten more national, provincial and city units; the county's departments; the township
 * governments), enterprise and cooperative name parts, posts and ranks, and the template sentences of
 * work logs, fund entries, measures, recalls and assessments.
 */
import type { UnitKind, UnitLevel } from '../../../../shared/forces.ts';
import type { MeasureType } from '../../../../shared/forces.ts';

export interface UnitDef {
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  /** 12-digit region code of the unit. */
  region: string;
}

const CENTRAL = '000000000000';
const HUBEI = '420000000000';
const SHIYAN = '420300000000';

/** The 13 central, provincial and city units that help the county (对口帮扶). */
export const HIGHER_UNITS: readonly UnitDef[] = [
  { name: '国家烟草专卖局', level: 'central', kind: 'party_gov', region: CENTRAL },
  { name: '中国地质大学（武汉）', level: 'central', kind: 'university', region: CENTRAL },
  { name: '东风汽车集团有限公司', level: 'central', kind: 'state_enterprise', region: CENTRAL },
  { name: '湖北省卫生健康委员会', level: 'provincial', kind: 'party_gov', region: HUBEI },
  { name: '湖北省交通运输厅', level: 'provincial', kind: 'party_gov', region: HUBEI },
  { name: '湖北省农业农村厅', level: 'provincial', kind: 'party_gov', region: HUBEI },
  { name: '湖北省地质局', level: 'provincial', kind: 'institution', region: HUBEI },
  { name: '湖北省农业科学院', level: 'provincial', kind: 'institution', region: HUBEI },
  { name: '中共十堰市委办公室', level: 'city', kind: 'party_gov', region: SHIYAN },
  { name: '十堰市发展和改革委员会', level: 'city', kind: 'party_gov', region: SHIYAN },
  { name: '十堰市卫生健康委员会', level: 'city', kind: 'party_gov', region: SHIYAN },
  { name: '十堰市自然资源和规划局', level: 'city', kind: 'party_gov', region: SHIYAN },
  { name: '国网十堰供电公司', level: 'city', kind: 'state_enterprise', region: SHIYAN },
];

/** County departments; `{C}` is the county's name (竹山县). The first two are the county's leadership bodies. */
const COUNTY_UNIT_NAMES: readonly (readonly [string, UnitKind])[] = [
  ['中共{C}委', 'party_gov'],
  ['{C}人民政府', 'party_gov'],
  ['中共{C}委办公室', 'party_gov'],
  ['{C}人民政府办公室', 'party_gov'],
  ['中共{C}委组织部', 'party_gov'],
  ['中共{C}委宣传部', 'party_gov'],
  ['中共{C}委统战部', 'party_gov'],
  ['中共{C}委政法委员会', 'party_gov'],
  ['{C}纪委监委机关', 'party_gov'],
  ['{C}人大常委会办公室', 'party_gov'],
  ['政协{C}委员会办公室', 'party_gov'],
  ['{C}发展和改革局', 'party_gov'],
  ['{C}教育局', 'party_gov'],
  ['{C}科学技术和经济信息化局', 'party_gov'],
  ['{C}公安局', 'party_gov'],
  ['{C}民政局', 'party_gov'],
  ['{C}司法局', 'party_gov'],
  ['{C}财政局', 'party_gov'],
  ['{C}人力资源和社会保障局', 'party_gov'],
  ['{C}自然资源和规划局', 'party_gov'],
  ['{C}住房和城乡建设局', 'party_gov'],
  ['{C}交通运输局', 'party_gov'],
  ['{C}水利和湖泊局', 'party_gov'],
  ['{C}农业农村局', 'party_gov'],
  ['{C}商务局', 'party_gov'],
  ['{C}文化和旅游局', 'party_gov'],
  ['{C}卫生健康局', 'party_gov'],
  ['{C}退役军人事务局', 'party_gov'],
  ['{C}应急管理局', 'party_gov'],
  ['{C}审计局', 'party_gov'],
  ['{C}市场监督管理局', 'party_gov'],
  ['{C}统计局', 'party_gov'],
  ['{C}医疗保障局', 'party_gov'],
  ['{C}林业局', 'party_gov'],
  ['{C}乡村振兴局', 'party_gov'],
  ['{C}城市管理执法局', 'party_gov'],
  ['{C}行政审批局', 'party_gov'],
  ['{C}信访局', 'party_gov'],
  ['{C}人民法院', 'party_gov'],
  ['{C}人民检察院', 'party_gov'],
  ['国家税务总局{C}税务局', 'party_gov'],
  ['{C}供销合作社联合社', 'institution'],
  ['共青团{C}委员会', 'people_org'],
  ['{C}妇女联合会', 'people_org'],
  ['{C}总工会', 'people_org'],
  ['{C}科学技术协会', 'people_org'],
  ['{C}残疾人联合会', 'people_org'],
  ['{C}工商业联合会', 'people_org'],
  ['{C}融媒体中心', 'institution'],
  ['{C}人民医院', 'institution'],
  ['{C}中医医院', 'institution'],
  ['{C}疾病预防控制中心', 'institution'],
  ['{C}第一中学', 'institution'],
  ['中共{C}委党校', 'institution'],
  ['{C}农业技术推广中心', 'institution'],
  ['{C}气象局', 'institution'],
  ['{C}机关事务服务中心', 'institution'],
  ['{C}档案馆', 'institution'],
  ['{C}烟草专卖局', 'state_enterprise'],
  ['国网{C}供电公司', 'state_enterprise'],
  ['湖北{C}农村商业银行', 'state_enterprise'],
  ['{C}城市投资开发有限公司', 'state_enterprise'],
];

export const countyUnits = (countyName: string, countyCode: string): UnitDef[] =>
  COUNTY_UNIT_NAMES.map(([n, kind]) => ({
    name: n.replace('{C}', countyName),
    level: 'county',
    kind,
    region: countyCode,
  }));

/** The county's leadership bodies (the units of the county leaders): the first two county units. */
export const LEADERSHIP_UNITS = 2;
/** The organisation department (组织部) — the unit of most Party-building instructors. */
export const ORGANISATION_DEPARTMENT = 4;

export const ENTERPRISE_BRANDS = [
  '秦巴',
  '圣水',
  '堵河',
  '女娲',
  '上庸',
  '官渡',
  '绿源',
  '鑫源',
  '宏达',
  '华泰',
  '金穗',
  '天润',
  '恒信',
  '福康',
  '兴农',
  '丰源',
  '康达',
  '瑞丰',
  '盛世',
  '长青',
  '博远',
  '鼎盛',
  '嘉禾',
  '锦程',
  '富民',
  '益民',
  '惠农',
  '绿野',
  '青山',
  '银杏',
  '茗香',
  '武陵',
  '汉水',
  '楚天',
  '荆楚',
  '百草',
  '山宝',
  '龙腾',
  '九华',
  '庸国',
] as const;
export const ENTERPRISE_TRADES = [
  '茶业',
  '食用菌',
  '绿松石',
  '中药材',
  '农业开发',
  '生态农业',
  '魔芋',
  '畜牧',
  '生猪养殖',
  '建材',
  '水电开发',
  '旅游开发',
  '电子商务',
  '食品',
  '农产品加工',
  '林业',
  '光伏科技',
  '酒业',
  '蜂业',
  '物流',
] as const;
export const COOPERATIVE_PRODUCTS = [
  '茶叶种植',
  '香菇种植',
  '木耳种植',
  '中药材种植',
  '魔芋种植',
  '黄牛养殖',
  '生猪养殖',
  '山羊养殖',
  '中蜂养殖',
  '核桃种植',
  '猕猴桃种植',
  '蔬菜种植',
] as const;

/** Posts of the county leaders added to those of the command hierarchy (四大家 and the two courts). */
export const COUNTY_LEADER_POSTS = [
  '县委副书记',
  '常务副县长',
  '县委常委',
  '副县长',
  '县人大常委会主任',
  '县人大常委会副主任',
  '县政协主席',
  '县政协副主席',
  '县法院院长',
  '县检察院检察长',
] as const;
/** Posts of the command hierarchy's people that are county leaders. */
export const HIERARCHY_COUNTY_LEADER_POSTS = ['县委书记', '县长', '副县长', '县委常委', '县人大副主任', '县政协副主席'];
export const HIERARCHY_TOWNSHIP_LEADER_POSTS = ['乡镇党委书记', '乡镇长'];
/** Other township leaders (镇 / 乡 is filled in). */
export const TOWNSHIP_LEADER_POSTS = [
  '党委副书记',
  '副{T}长',
  '人大主席',
  '纪委书记',
  '组织委员',
  '宣传委员',
  '武装部长',
];

export const PAIRING_POSTS_COUNTY = ['科员', '股长', '副局长', '办公室主任', '副主任', '站长', '干部', '副股长'];
export const PAIRING_POSTS_TOWNSHIP = ['包村干部', '站所负责人', '民政专干', '扶贫专干', '乡镇干部', '农技员'];

export const RANKS_FIRST_SECRETARY_HIGHER = ['正科级', '副处级', '一级主任科员', '四级调研员'];
export const RANKS_FIRST_SECRETARY = ['副科级', '正科级', '一级主任科员', '二级主任科员'];
export const RANKS_TEAM = ['科员', '一级科员', '四级主任科员', '三级主任科员', '副科级'];
export const RANKS_PAIRING = [
  '办事员',
  '科员',
  '一级科员',
  '四级主任科员',
  '三级主任科员',
  '二级主任科员',
  '副科级',
  '正科级',
];

export const INSURERS = [
  '中国人寿保险股份有限公司十堰分公司',
  '中国人民财产保险股份有限公司{C}支公司',
  '中国太平洋财产保险股份有限公司十堰中心支公司',
];

export const FUND_PURPOSES = [
  '购置办公用品及打印耗材',
  '入户走访交通费',
  '村级党员活动阵地维修',
  '组织技能培训场地及教材费',
  '聘请产业技术指导专家',
  '购置防汛抗旱物资',
  '驻村工作队生活设施维修',
  '印制政策宣传资料',
  '走访慰问困难群众',
  '组织村民代表外出学习考察',
  '村庄环境整治工具购置',
  '召开产业发展推进会',
];

const LOG_OPENERS = [
  '走访{g}农户{k}户，了解{topic}情况，宣讲{policy}政策。',
  '入户核查{k}户监测对象收支情况，更新防返贫动态监测信息。',
  '召开村“两委”会议，研究{task}工作，明确责任分工和完成时限。',
  '督导{crop}产业基地建设，组织{k}户农户参加{crop}种植技术培训。',
  '组织党员开展主题党日活动，集中学习{study}。',
  '排查全村饮水安全和住房安全情况，发现问题{n}处，已督促整改到位。',
  '参加镇党委组织的驻村干部例会，汇报本周工作，领办下周任务。',
  '调解村民{dispute}纠纷{n}起，化解矛盾于萌芽状态。',
  '帮助{k}名脱贫劳动力对接县内外务工岗位。',
  '协调派出单位落实{project}项目，推进项目前期手续办理。',
];
const LOG_CLOSERS = [
  '晚上整理走访台账，完善一户一策档案。',
  '对走访中群众反映的问题建立清单，逐项跟踪办理。',
  '与村干部交流下一步工作打算。',
  '更新驻村工作日志和民情日记。',
  '收集群众意见建议{n}条，已分类交办。',
  '',
];
const TOPICS = ['产业发展', '务工就业', '医疗报销', '子女上学', '住房安全', '饮水安全', '低保落实', '小额信贷'];
const POLICIES = ['健康扶贫', '教育资助', '产业奖补', '小额信贷', '防返贫监测', '雨露计划', '农村低保', '生态补偿'];
const TASKS = ['产业发展规划', '村集体经济发展', '人居环境整治', '防返贫监测帮扶', '党支部标准化建设', '项目库建设'];
const CROPS = ['茶叶', '香菇', '中药材', '魔芋', '核桃', '猕猴桃', '木耳', '烟叶'];
const STUDIES = ['党的二十届四中全会精神', '《中国共产党农村基层组织工作条例》', '乡村振兴促进法', '党章党规'];
const DISPUTES = ['土地边界', '邻里', '山林权属', '家庭赡养', '宅基地'];
const PROJECTS = ['村组道路硬化', '安全饮水巩固提升', '茶叶基地扩建', '光伏电站运维', '村级冷库', '产业路'];

/** A work-log entry from the template sentences. */
export function logContent(pick: <T>(l: readonly T[]) => T, int: (a: number, b: number) => number): string {
  const fill = (s: string) =>
    s
      .replace('{g}', `${int(1, 9)}组`)
      .replace('{k}', String(int(3, 15)))
      .replace('{n}', String(int(1, 5)))
      .replace('{topic}', pick(TOPICS))
      .replace('{policy}', pick(POLICIES))
      .replace('{task}', pick(TASKS))
      .replaceAll('{crop}', pick(CROPS))
      .replace('{study}', pick(STUDIES))
      .replace('{dispute}', pick(DISPUTES))
      .replace('{project}', pick(PROJECTS));
  return (fill(pick(LOG_OPENERS)) + fill(pick(LOG_CLOSERS))).trim();
}

export const RECALL_NOTES = {
  ineffective: '半年考核不称职，驻村工作不在状态，群众满意度低，经约谈后仍无明显改进',
  health: '本人患病需长期住院治疗，无法继续全职驻村',
  discipline: '违反驻村工作纪律，未经批准多次擅自离岗',
  other: '因派出单位工作需要，经组织研究调整',
} as const;

export const ASSESSMENT_COMMENTS = {
  excellent: [
    '吃住在村，履职尽责，帮扶成效显著，群众评价高',
    '工作扎实，创新实干，带动村集体经济明显增长',
    '牵头引进茶叶加工项目，带动脱贫户稳定增收',
    '防返贫监测帮扶及时精准，群众满意度高',
  ],
  competent: [
    '能够按要求驻村开展工作，完成年度帮扶任务',
    '工作认真负责，走访全面，台账规范',
    '落实驻村制度较好，帮扶措施基本到位',
    '熟悉村情民意，协助村两委完成各项重点工作',
  ],
  basic: ['在村天数偏少，工作主动性有待加强', '帮扶措施落实不够到位，需加强督促', '入户走访不够深入，民情台账不完整'],
  incompetent: ['驻村工作不在状态，多次擅自离岗，群众满意度低'],
} as const;

/** Measure types suggested by a household's causes (一户一策). */
export const CAUSE_MEASURES: Record<string, readonly MeasureType[]> = {
  illness: ['health', 'social_security'],
  disability: ['social_security', 'health'],
  schooling: ['education'],
  disaster: ['housing', 'social_security'],
  lack_land: ['industry', 'relocation'],
  lack_water: ['other', 'relocation'],
  lack_skills: ['employment', 'industry'],
  lack_labour: ['social_security', 'ecological'],
  lack_funds: ['credit', 'industry'],
  poor_transport: ['relocation', 'industry'],
  lack_motivation: ['employment', 'industry'],
  other: ['industry'],
};
/** Measures added when the causes suggest fewer than the household's plan size. */
export const GENERAL_MEASURES: readonly MeasureType[] = ['industry', 'employment', 'ecological', 'education', 'credit'];

/** Title templates and amount range (yuan; null = no money involved) per measure type. */
export const MEASURE_TEMPLATES: Record<MeasureType, { titles: readonly string[]; amount: [number, number] | null }> = {
  industry: {
    titles: ['茶叶种植产业奖补', '香菇种植产业奖补', '中药材种植奖补', '养殖业发展奖补', '入股合作社分红'],
    amount: [1000, 8000],
  },
  relocation: { titles: ['易地扶贫搬迁安置', '搬迁后续扶持'], amount: [20000, 60000] },
  ecological: { titles: ['生态护林员岗位', '退耕还林补助', '公益林生态补偿'], amount: [1000, 10000] },
  education: { titles: ['雨露计划职业教育补助', '义务教育阶段学生资助', '高中生国家助学金'], amount: [1000, 5000] },
  social_security: { titles: ['纳入农村低保', '特困人员供养', '残疾人两项补贴'], amount: [2000, 8000] },
  health: { titles: ['家庭医生签约服务', '大病集中救治', '慢病签约管理', '医疗救助'], amount: [500, 20000] },
  employment: { titles: ['推荐县内企业就业', '扶贫车间就业', '公益性岗位安置', '技能培训'], amount: null },
  credit: { titles: ['扶贫小额信贷', '产业发展贷款贴息'], amount: [10000, 50000] },
  housing: { titles: ['农村危房改造', '住房安全加固'], amount: [10000, 35000] },
  other: { titles: ['安全饮水入户', '户内电网改造', '人居环境改善'], amount: [300, 3000] },
};
export const MEASURE_EVIDENCE = [
  '已入户核实，资料存档',
  '发放台账及银行流水已归档',
  '附照片及签字确认单',
  '经村委会公示无异议',
];
