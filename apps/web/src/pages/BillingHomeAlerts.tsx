import { Card, Tag } from 'antd';
import { Link } from 'react-router';
import { yuan } from '@careops/care';
import { useRouteFacilityId } from '../api/hooks/facilities';
import { useArrears, usePendingSettlements } from '../api/hooks/billing';
import { useAuth } from '../auth';
import { useBillingI18n } from '../i18n/billing';
import { useToday } from '../today';
import { fillText } from './billing-parts';

/**
 * The 工作台's billing to-dos (docs/rules.md §9), asked of the billing routes themselves: residents
 * more than 30 days past due, and discharged residents whose money is not settled. Nothing shows
 * when there is nothing to do (or billing is not open to the user).
 */
export function BillingHomeAlerts() {
  const { me } = useAuth();
  const allowed = me?.role === 'ACCOUNTANT' || me?.role === 'FACILITY_MANAGER';
  return allowed ? <Alerts /> : null;
}

function Alerts() {
  const { t } = useBillingI18n();
  const today = useToday();
  const facilityId = useRouteFacilityId();
  const arrears = useArrears(today().format('YYYY-MM-DD'));
  const pending = usePendingSettlements();
  const late = (arrears.data?.rows ?? []).filter((r) => r.daysPastDue > 30);
  const lateFen = late.reduce((s, r) => s + r.openFen, 0);
  const waiting = pending.data ?? [];
  const cards = [
    ...(late.length
      ? [
          {
            key: 'arrears',
            title: t.billHomeArrears,
            text: fillText(t.billHomeArrearsText, { n: late.length, amount: yuan(lateFen) }),
            link: `/f/${facilityId}/billing/arrears`,
          },
        ]
      : []),
    ...(waiting.length
      ? [
          {
            key: 'settlements',
            title: t.billHomePending,
            text: fillText(t.billHomePendingText, { n: waiting.length }),
            link: `/f/${facilityId}/billing/arrears`,
          },
        ]
      : []),
  ];
  if (!cards.length) return null;
  return (
    <div style={{ display: 'grid', gap: 12, marginBottom: 12 }}>
      {cards.map((c) => (
        <Card
          key={c.key}
          size="small"
          data-testid={`alert-BILLING_${c.key.toUpperCase()}`}
          title={
            <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', whiteSpace: 'normal' }}>
              <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                {t.homeWarn}
              </Tag>
              <span>{c.title}</span>
            </span>
          }
          extra={<Link to={c.link}>{t.homeFix}</Link>}
        >
          {c.text}
        </Card>
      ))}
    </div>
  );
}
