/** 中文 / English switch; persisted by i18n.setLang (localStorage + xh_lang cookie). */
import { Segmented } from 'antd';
import { setLang, useI18n } from '../i18n';
import type { Lang } from '../i18n';

export function LangSwitch() {
  const { lang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.switch')}
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
