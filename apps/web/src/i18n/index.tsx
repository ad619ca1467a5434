import { App as AntApp, ConfigProvider } from 'antd';
import antdEnUS from 'antd/locale/en_US';
import antdZhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, ReactNode, useContext, useMemo, useState } from 'react';
import { enUS } from './en-US';
import { type Messages, zhCN } from './zh-CN';

export type { Messages } from './zh-CN';
export type Lang = 'zh' | 'en';

const I18n = createContext<{ t: Messages; lang: Lang; setLang: (l: Lang) => void }>({ t: zhCN, lang: 'zh', setLang: () => undefined });

/** Chinese first, English switchable; the choice is kept in the browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('careops.lang') === 'en' ? 'en' : 'zh'));
  const setLang = (l: Lang) => {
    localStorage.setItem('careops.lang', l);
    setLangState(l);
  };
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  const value = useMemo(() => ({ t: lang === 'zh' ? zhCN : enUS, lang, setLang }), [lang]);
  return (
    <I18n.Provider value={value}>
      <ConfigProvider locale={lang === 'zh' ? antdZhCN : antdEnUS} theme={{ token: { colorPrimary: '#1d3557', borderRadius: 4 } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18n.Provider>
  );
}

export const useI18n = () => useContext(I18n);
