import { Segmented } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../i18n';

/** 中文 / EN, labelled for screen readers; each option is read in its own language. */
export function LanguageSwitch({ style }: { style?: CSSProperties }) {
  const { lang, setLang, t } = useI18n();
  return (
    <div role="group" aria-label={t.language} style={style}>
      <Segmented
        size="small"
        value={lang}
        onChange={(v) => setLang(v as 'zh' | 'en')}
        options={[
          { label: <span lang="zh-CN">中文</span>, value: 'zh' },
          { label: <span lang="en">EN</span>, value: 'en' },
        ]}
      />
    </div>
  );
}
