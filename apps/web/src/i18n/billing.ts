import { useMemo } from 'react';
import { useI18n } from './index';
import { billingEnUS } from './billing.en-US';
import { billingZhCN } from './billing.zh-CN';

export type { BillingMessages } from './billing.zh-CN';

/** useI18n with the billing screens' messages as well (they load with those screens, not in the first bundle). */
export function useBillingI18n() {
  const i18n = useI18n();
  const t = useMemo(() => ({ ...i18n.t, ...(i18n.lang === 'en' ? billingEnUS : billingZhCN) }), [i18n.t, i18n.lang]);
  return { ...i18n, t };
}

export type BillingText = ReturnType<typeof useBillingI18n>['t'];
