import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import type { Locale } from 'antd/es/locale';
import antdZhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Loading } from '../components/Loading';
import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
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

/** The English messages and antd's English locale, loaded when English is first chosen (Chinese is in the first bundle). */
type English = { messages: Messages; antd: Locale };
const loadEnglish = (): Promise<English> =>
  Promise.all([import('./en-US'), import('antd/locale/en_US')]).then(([m, a]) => ({ messages: m.enUS, antd: a.default }));

/** Chinese first, English switchable; the choice is kept in the browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('careops.lang') === 'en' ? 'en' : 'zh'));
  const [english, setEnglish] = useState<English | null>(null);
  const setLang = (l: Lang) => {
    localStorage.setItem('careops.lang', l);
    setLangState(l);
  };
  useEffect(() => {
    if (lang === 'en' && !english) void loadEnglish().then(setEnglish);
  }, [lang, english]);
  // Until the English messages have arrived, a page already shown stays Chinese; a first page waits (below).
  const shown: Lang = lang === 'en' && english ? 'en' : 'zh';
  const [started] = useState(() => lang);
  dayjs.locale(shown === 'zh' ? 'zh-cn' : 'en');
  // Screen readers pronounce the page in the language it is shown in.
  useEffect(() => {
    document.documentElement.lang = shown === 'zh' ? 'zh-CN' : 'en';
  }, [shown]);
  const value = useMemo(() => ({ t: shown === 'en' && english ? english.messages : zhCN, lang: shown, setLang }), [shown, english]);
  if (started === 'en' && !english) return <Loading />;
  return (
    <I18n.Provider value={value}>
      <ConfigProvider locale={shown === 'en' && english ? english.antd : antdZhCN} theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18n.Provider>
  );
}

export const useI18n = () => useContext(I18n);
