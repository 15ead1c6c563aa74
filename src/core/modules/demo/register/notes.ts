/** The words of the demo's workflow events: hardships, verification notes and what the cross-check found. */
import type { CrosscheckSource } from '../../workflow/crosscheck.ts';

export const DISEASES = [
  '脑梗',
  '尿毒症',
  '肺癌',
  '类风湿关节炎',
  '重度糖尿病',
  '冠心病',
  '肝硬化',
  '乳腺癌',
  '股骨头坏死',
  '白血病',
];
export const DISASTERS = ['暴雨引发山体滑坡', '山洪', '泥石流', '连续强降雨', '冰雹'];
export const OTHER_APPLY: Record<string, string[]> = {
  disability: ['家中有重度残疾人需长期照料，缺乏劳动能力', '户主肢体残疾，无法外出务工'],
  schooling: ['子女就读高中和大学，学费生活费开支大', '两个孩子上学，家庭负担重'],
  disaster: ['暴雨致房屋和农田受损，生活困难', '山洪冲毁耕地，收入锐减'],
  lack_land: ['人均耕地不足半亩，种植收入低', '耕地被占用，缺少土地'],
  lack_water: ['地处高山缺水，生产生活用水困难'],
  lack_skills: ['缺少技术，只能打零工，收入不稳定', '没有一技之长，种养收益低'],
  lack_labour: ['家中老人多、劳动力少，收入来源少', '年老体弱，无劳动能力'],
  lack_funds: ['想发展香菇种植但缺少启动资金', '缺乏发展资金，增收门路少'],
  poor_transport: ['居住偏远，不通公路，农产品卖不出去'],
  lack_motivation: ['家庭收入低，生活困难'],
  other: ['家庭收入低，生活困难'],
};
export const VERIFY_NOTES = [
  '入户核实收入台账、住房和饮水情况，与评议结果一致',
  '工作队逐项核实两不愁三保障情况，均已达标',
  '核实家庭收支，测算人均纯收入达到退出标准',
];
export const CROSSCHECK_CLEAN = [
  '经公安、住建、人社、市场监管等部门信息比对，无车辆、商品房、财政供养和工商注册信息',
  '部门信息比对无异常',
  '经车辆、房产、财政供养、工商注册四项比对，未发现不符合识别条件的情形',
];
export const HIT_DETAILS: Record<CrosscheckSource, { found: string[]; cleared: string; confirmed: string }> = {
  vehicle: {
    found: ['名下登记农用三轮车一辆', '名下登记二轮摩托车一辆', '名下登记轻型货车一辆'],
    cleared: '经入户核实为务工用旧车，价值较低，已排除',
    confirmed: '名下有小型普通客车一辆，经核实属实',
  },
  commercial_housing: {
    found: ['在县城购有商品房一套'],
    cleared: '经核实房屋已于比对前出售，已排除',
    confirmed: '在县城购有商品房一套，经核实属实',
  },
  public_payroll: {
    found: ['在财政供养人员名单中'],
    cleared: '经核实为同名同姓人员，已排除',
    confirmed: '在县直单位领取财政工资，经核实属实',
  },
  business_registration: {
    found: ['登记个体工商户一户（农资店）', '登记个体工商户一户（小卖部）'],
    cleared: '经核实个体户已注销多年，已排除',
    confirmed: '经营养殖场一处，年收入较高，经核实属实',
  },
};
