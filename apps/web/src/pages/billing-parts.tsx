import { App, Button, Space, Tag } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { yuan } from '@careops/care';
import type { BillKind, BillState } from '../api/billing';
import { download } from '../api/client';
import { useErrorMessage } from '../api/errors';
import { useRouteFacilityId } from '../api/hooks/facilities';
import { type BillingText, useBillingI18n } from '../i18n/billing';

/** `{name}` placeholders of a message filled in. */
export const fillText = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

export const BILL_STATE_COLOURS: Record<BillState, string> = { DRAFT: 'default', ISSUED: 'blue', PAID: 'green' };

export function BillStateTag({ state }: { state: BillState }) {
  const { t } = useBillingI18n();
  return (
    <Tag color={BILL_STATE_COLOURS[state]} style={{ marginInlineEnd: 0 }} data-testid="bill-state">
      {t[`billState${state}`]}
    </Tag>
  );
}

export const billKindLabel = (t: BillingText, kind: BillKind) => t[`billKind${kind}`];

/** Fen as yuan, a credit note's minus sign kept; tabular digits so columns line up. */
export function Money({ fen, strong }: { fen: number; strong?: boolean }) {
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}>{yuan(fen)}</span>
  );
}

/** A download of the facility's file (PDF, CSV, XLSX) with the user's token; an error is shown, not thrown. */
export function useFacilityDownload() {
  const facilityId = useRouteFacilityId();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  return (path: string, name: string) => download(`/api/facilities/${facilityId}/${path}`, name).catch((e) => message.error(describe(e)));
}

/** The four billing screens, one link each (the current one marked for screen readers). */
export function BillingNav() {
  const { t } = useBillingI18n();
  const facilityId = useRouteFacilityId();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const base = `/f/${facilityId}/billing`;
  const links = [
    { to: base, label: t.billBills, testId: 'billing-nav-bills' },
    { to: `${base}/fees`, label: t.billFees, testId: 'billing-nav-fees' },
    { to: `${base}/arrears`, label: t.billArrears, testId: 'billing-nav-arrears' },
    { to: `${base}/payments`, label: t.billPayments, testId: 'billing-nav-payments' },
  ];
  return (
    <nav aria-label={t.billing} style={{ marginBottom: 12 }}>
      <Space wrap size={[8, 8]}>
        {links.map((l) => {
          const current = pathname.replace(/\/$/, '') === l.to;
          return (
            <Button
              key={l.to}
              type={current ? 'primary' : 'default'}
              aria-current={current ? 'page' : undefined}
              onClick={() => navigate(l.to)}
              data-testid={l.testId}
            >
              {l.label}
            </Button>
          );
        })}
      </Space>
    </nav>
  );
}

/** A random UUID (v4) even where `crypto.randomUUID` is missing (a page served over plain http). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const H2 = { fontSize: 15, fontWeight: 600, margin: 0 };
