import { Card, Col, Empty, Row, Statistic, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type HomeAlert, type HomeAlertItem, useHome } from '../api/hooks/home';
import { Failed } from '../components/Failed';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { type Lang, type Messages, useI18n } from '../i18n';
import { programmeLabel } from './claim-labels';
import { BillingHomeAlerts } from './BillingHomeAlerts';
import { Secondary } from './page-parts';

/** How many items an alert lists before "and N more" (the screen it links to has them all). */
const SHOWN = 8;

/** `{name}` etc. in a sentence of the dictionary, each value marked as data where it is the user's. */
function fill(template: string, values: Record<string, ReactNode>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((part, i) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    return key === undefined ? part : <span key={i}>{values[key]}</span>;
  });
}

/** A day as the sentence reads it: 12月10日, or Dec 10. */
function dayOf(date: string, lang: Lang): string {
  const [, m, d] = date.split('-').map(Number);
  return lang === 'zh'
    ? `${m}月${d}日`
    : new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** One item of an alert as a readable sentence ("王芳 的 养老护理员证 将于 2026-12-20 到期"). */
function sentence(alert: HomeAlert, item: HomeAlertItem, t: Messages, lang: Lang, dayCenter: boolean): ReactNode {
  const data = (v: ReactNode) => <span data-data>{v}</span>;
  switch (alert.kind) {
    case 'CERTIFICATES_EXPIRED':
      return fill(t.homeCertificateExpired, { name: data(item.label), certificate: data(item.detail), date: item.on });
    case 'CERTIFICATES_EXPIRING':
      return fill(t.homeCertificateExpiring, { name: data(item.label), certificate: data(item.detail), date: item.on });
    case 'STAFFING_SHORT':
      return fill(dayCenter ? t.homeStaffingShortDayCenter : t.homeStaffingShort, {
        day: dayOf(item.on ?? item.id, lang),
        required: item.required,
        counted: item.counted,
      });
    case 'RISK_ASSESSMENT_MISSING':
      return fill(t.homeRiskMissing, { name: data(item.label) });
    case 'ASSESSMENT_MISSING':
      return fill(t.homeAssessmentMissing, { name: data(item.label) });
    case 'ASSESSMENT_DUE':
      return fill(
        item.detail === 'AFTER_HOSPITAL'
          ? t.homeAssessmentAfterHospital
          : item.detail === 'AFTER_INCIDENT'
            ? t.homeAssessmentAfterIncident
            : t.homeAssessmentDue,
        { name: data(item.label), date: item.on },
      );
    case 'CLAIM_DUE':
      return fill(item.link ? t.homeClaimDraft : t.homeClaimMissing, {
        month: item.label,
        programme: programmeLabel(item.detail ?? '', lang),
        date: alert.dueOn,
      });
    case 'MONTHLY_REPORT_DUE':
      return fill(t.homeMonthlyReport, { month: item.label, date: alert.dueOn });
    default:
      return item.label;
  }
}

const TITLES: Record<HomeAlert['kind'], keyof Messages> = {
  CERTIFICATES_EXPIRED: 'homeCertificatesExpired',
  CERTIFICATES_EXPIRING: 'homeCertificatesExpiring',
  STAFFING_SHORT: 'homeStaffingShortTitle',
  ASSESSMENT_MISSING: 'homeAssessmentMissingTitle',
  RISK_ASSESSMENT_MISSING: 'homeRiskMissingTitle',
  ASSESSMENT_DUE: 'homeAssessmentDueTitle',
  CLAIM_DUE: 'homeClaimDueTitle',
  MONTHLY_REPORT_DUE: 'homeMonthlyReportTitle',
};

/**
 * 工作台, the manager's first screen (docs/rules.md §7, §11): today's census as a few figures, then
 * what needs doing — each alert with a coloured tag, a sentence per item and a link to fix it.
 */
export default function Home() {
  const { t, lang } = useI18n();
  const home = useHome();
  if (home.error) return <Failed error={home.error} retry={() => home.refetch()} />;
  if (home.isLoading || !home.data) return <Loading />;
  const { census, alerts, date, facilityType } = home.data;
  const dayCenter = facilityType === 'DAY_CENTER';
  const figures: { key: string; title: string; value: number }[] = [
    ...(census.members !== undefined
      ? [
          { key: 'members', title: t.homeMembers, value: census.members },
          { key: 'present', title: t.homePresent, value: census.present ?? 0 },
        ]
      : []),
    ...(!dayCenter || census.beds !== undefined
      ? [
          { key: 'inCare', title: t.homeInCare, value: census.inCare },
          { key: 'onLeave', title: t.homeOnLeave, value: census.onLeave },
        ]
      : []),
    { key: 'SELF_CARE', title: t.SELF_CARE, value: census.byLevel.SELF_CARE },
    { key: 'SEMI_DISABLED', title: t.SEMI_DISABLED, value: census.byLevel.SEMI_DISABLED },
    { key: 'FULLY_DISABLED', title: t.FULLY_DISABLED, value: census.byLevel.FULLY_DISABLED },
    ...(census.unassessed > 0 ? [{ key: 'unassessed', title: t.homeUnassessed, value: census.unassessed }] : []),
    ...(census.beds !== undefined
      ? [
          { key: 'freeBeds', title: t.homeFreeBeds, value: census.freeBeds ?? 0 },
          { key: 'outOfService', title: t.outOfService, value: census.outOfService ?? 0 },
        ]
      : []),
  ];
  return (
    <>
      <PageTitle extra={<Secondary>{date}</Secondary>}>{t.home}</PageTitle>
      <section aria-label={t.homeCensus}>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {figures.map((f) => (
            <Col key={f.key} xs={8} sm={8} md={6} xl={3}>
              <Card size="small" data-testid={`census-${f.key}`} style={{ height: '100%' }}>
                <Statistic title={f.title} value={f.value} />
              </Card>
            </Col>
          ))}
        </Row>
      </section>
      <section aria-label={t.homeTodo}>
        <h2 style={{ fontSize: 16, fontWeight: 600, margin: '0 0 12px' }}>{t.homeTodo}</h2>
        <BillingHomeAlerts />
        {alerts.length === 0 ? (
          <Card>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.homeNoAlerts} data-testid="home-empty" />
          </Card>
        ) : (
          <div style={{ display: 'grid', gap: 12 }}>
            {alerts.map((a) => (
              <Card
                key={a.kind}
                size="small"
                data-testid={`alert-${a.kind}`}
                data-severity={a.severity}
                title={
                  <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', whiteSpace: 'normal' }}>
                    <Tag color={a.severity === 'DANGER' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
                      {a.severity === 'DANGER' ? t.homeDanger : t.homeWarn}
                    </Tag>
                    <span>{t[TITLES[a.kind]]}</span>
                    <Secondary>{t.homeCount.replace('{n}', String(a.count))}</Secondary>
                  </span>
                }
                extra={
                  <Link to={a.link} data-testid={`alert-link-${a.kind}`}>
                    {t.homeFix}
                  </Link>
                }
              >
                <ul style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 4 }}>
                  {a.items.slice(0, SHOWN).map((item) => (
                    <li key={item.id}>
                      {item.link ? (
                        <Link to={item.link}>{sentence(a, item, t, lang, dayCenter)}</Link>
                      ) : (
                        sentence(a, item, t, lang, dayCenter)
                      )}
                    </li>
                  ))}
                  {a.items.length > SHOWN && <li>{t.homeMore.replace('{n}', String(a.items.length - SHOWN))}</li>}
                </ul>
              </Card>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
