import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import antdEnUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { enUS } from './en-US';
import { type Messages, zhCN } from './zh-CN';

export type { Messages } from './zh-CN';
export type Lang = 'zh' | 'en';

/**
 * The palette at WCAG 2.1 AA: every text colour ≥ 4.5:1 on white (and tags' text on their own
 * tint); antd's defaults for secondary text, placeholders and success/warning are lighter than
 * that. Tags' preset colours are darkened in index.html's stylesheet (their palette is not a token
 * the theme overrides).
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d3557',
    colorLink: '#1d4ed8',
    colorInfo: '#1d3557',
    borderRadius: 4,
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#cf1322',
  },
};

const I18n = createContext<{ t: Messages; lang: Lang; setLang: (l: Lang) => void }>({ t: zhCN, lang: 'zh', setLang: () => undefined });

/** Chinese first, English switchable; the choice is kept in the browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('careops.lang') === 'en' ? 'en' : 'zh'));
  const setLang = (l: Lang) => {
    localStorage.setItem('careops.lang', l);
    setLangState(l);
  };
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  // Screen readers pronounce the page in the language it is shown in.
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo(() => ({ t: lang === 'zh' ? zhCN : enUS, lang, setLang }), [lang]);
  return (
    <I18n.Provider value={value}>
      <ConfigProvider locale={lang === 'zh' ? antdZhCN : antdEnUS} theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18n.Provider>
  );
}

export const useI18n = () => useContext(I18n);
