/** The clock of the domain: dates are days in China (Asia/Shanghai), written YYYY-MM-DD. */
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** Today in China, YYYY-MM-DD. */
export const todayInChina = (): string => CHINA_DAY.format(new Date());
