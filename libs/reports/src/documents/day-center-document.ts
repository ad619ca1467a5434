import { Injectable } from '@nestjs/common';
import {
  CARE_LEVEL_LABELS,
  DAY_CENTER_MIN_STAFF,
  dayCenterMonth,
  FACILITY_TYPE_LABELS,
  monthSpan,
  percentHalfUp,
  printPct,
} from '@careops/care';
import { BedsService } from '@careops/beds';
import { SIX_HELP_LABELS, SIX_HELPS } from '@careops/day-care';
import { FacilitiesService } from '@careops/facilities';
import { divisionName } from '@careops/platform';
import { CareLevelsRepository } from '@careops/residents';
import { StaffService } from '@careops/staff';
import { lineChart } from '../charts';
import { ReportsRepository } from '../reports.repository';
import { draft, Draft, fileNameOf, monthLabel } from './draft';

const ROLE_LABELS: Record<string, string> = {
  CAREGIVER: '护理员',
  NURSE: '护士',
  DOCTOR: '医生',
  SOCIAL_WORKER: '社工',
  MANAGER: '管理人员',
  OTHER: '其他',
};
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** By name in code point order (as the database's "C" collation sorts), then enrolment. */
const byName = (a: { name: string; enrolledOn: string }, b: { name: string; enrolledOn: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.enrolledOn < b.enrolledOn ? -1 : a.enrolledOn > b.enrolledOn ? 1 : 0;

/**
 * 日间照料中心运营报告 (docs/rules.md §2, §4, §8): the day center's month — its members, attendance day
 * by day, the six helps 六助 delivered, and the ≥ 3 management/service staff rule checked each day,
 * beside the minimum scale of a day center.
 */
@Injectable()
export class DayCenterDocument {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly repo: ReportsRepository,
    private readonly residents: CareLevelsRepository,
    private readonly staff: StaffService,
    private readonly beds: BedsService,
  ) {}

  async build(month: string): Promise<Draft> {
    const f = await this.facilities.current();
    const { from, to, days: daysInMonth } = monthSpan(month);
    const lastDay = `${month}-${String(daysInMonth).padStart(2, '0')}`;
    const memberships = await this.repo.dayMembersIn(from, to, f.timezone);
    const attendedByDay = await this.repo.attendanceByDay(from, to);
    const kinds = new Map((await this.repo.servicesByKind(from, to, f.timezone)).map((k) => [k.kind, k]));
    const staff = await this.staff.list();
    const ids = [...new Set(memberships.map((m) => m.residentId))];
    const nameOf = new Map((ids.length ? await this.residents.profiles(ids) : []).map((p) => [p.id, p.name]));
    const levelOf = ids.length ? await this.residents.levelsOn(lastDay, ids) : new Map<string, string>();
    const mo = dayCenterMonth(
      from,
      to,
      memberships.map((m) => ({ from: m.enrolledOn, to: m.leftOn })),
      staff.map((s) => ({ from: s.employedFrom, to: s.employedTo })),
      attendedByDay,
    );
    const members = memberships
      .map((m) => ({
        name: nameOf.get(m.residentId) ?? '',
        level: levelOf.has(m.residentId) ? CARE_LEVEL_LABELS[levelOf.get(m.residentId) as keyof typeof CARE_LEVEL_LABELS] : '未评估',
        enrolledOn: m.enrolledOn,
        leftOn: m.leftOn ?? '',
        attended: m.attended,
        services: m.services,
      }))
      .sort(byName)
      .map((m, i) => ({ ...m, n: i + 1 }));
    const startMembers = mo.days[0]?.members ?? 0;
    const endMembers = mo.days[mo.days.length - 1]?.members ?? 0;
    const enrolled = memberships.filter((m) => m.enrolledOn >= from && m.enrolledOn < to).length;
    const left = memberships.filter((m) => m.leftOn !== null && m.leftOn > from && m.leftOn <= to).length;
    const services = SIX_HELPS.map((k) => ({
      label: SIX_HELP_LABELS[k],
      services: kinds.get(k)?.services ?? 0,
      persons: kinds.get(k)?.persons ?? 0,
    }));
    const servicesTotal = services.reduce((n, s) => n + s.services, 0);
    const employedAtEnd = staff.filter((s) => s.employedFrom <= lastDay && (s.employedTo === null || s.employedTo > lastDay));
    const board = await this.beds.board(lastDay);
    const bedsInService = board.filter((b) => b.outOfService === null).length;
    const area = f.buildingAreaM2;
    const staffBad = mo.staffOkDays < mo.days.length;
    const checks = [
      {
        name: '管理服务人员',
        rule: `≥ ${DAY_CENTER_MIN_STAFF} 人（每天）`,
        value: `达标 ${mo.staffOkDays} / ${mo.days.length} 天，最少 ${mo.minStaff} 人`,
        bad: staffBad,
      },
      // The minimum scale of a day center; a street center's own is on its compliance report.
      ...(f.type === 'DAY_CENTER'
        ? [
            { name: '短期托养床位', rule: '≥ 10 张', value: `${bedsInService} 张`, bad: bedsInService < 10 },
            {
              name: '建筑面积',
              rule: '≥ 200 m²（部分城市 300 m²）',
              value: area !== null ? `${Number(area)} m²` : '未记录',
              bad: area === null || Number(area) < 200,
            },
          ]
        : []),
    ].map((c) => ({ ...c, verdict: c.bad ? '未达标' : '达标' }));
    const attendanceChart = lineChart(
      mo.days.map((d) => d.date),
      [
        { label: '会员人数', colour: '#9aa5b1', values: mo.days.map((d) => d.members), step: true, dashed: true },
        { label: '出勤人数', colour: '#1d3557', values: mo.days.map((d) => d.attended) },
        { label: '在岗人员', colour: '#b42318', values: mo.days.map((d) => d.staff), step: true },
      ],
      { height: 150 },
    );
    const days = mo.days.map((d) => ({
      ...d,
      label: `${d.date.slice(5)}（${WEEKDAYS[new Date(`${d.date}T00:00:00Z`).getUTCDay()]}）`,
      pct: printPct(percentHalfUp(d.attended, d.members)),
    }));
    const division = divisionName(f.divisionCode);
    return draft('DAY_CENTER', f.timezone, {
      facilityId: f.id,
      subject: f.name,
      period: month,
      periodLabel: monthLabel(month),
      subtitle: `${f.name} · ${month}`,
      fileName: fileNameOf('DAY_CENTER', f.name, month),
      asciiFileName: `day-center-${month}.pdf`,
      data: {
        facility: {
          name: f.name,
          typeLabel: FACILITY_TYPE_LABELS[f.type],
          division: `${f.divisionCode}${division ? ` ${division}` : ''}`,
          area: area !== null ? `${Number(area)} m²` : '未记录',
          contact: [f.contactPerson, f.contactPhone].filter(Boolean).join(' ') || '未填写',
        },
        month,
        startMembers,
        endMembers,
        enrolled,
        left,
        memberDays: mo.memberDays,
        attendedDays: mo.attendedDays,
        attendancePct: printPct(mo.attendancePct),
        servicesTotal,
        services,
        staffOkDays: mo.staffOkDays,
        dayCount: mo.days.length,
        staffBad,
        minStaff: DAY_CENTER_MIN_STAFF,
        employedAtEnd: employedAtEnd.map((s) => ({ name: s.name, role: ROLE_LABELS[s.role] ?? s.role, from: s.employedFrom })),
        members,
        days,
        checks,
        attendanceChart,
      },
    });
  }
}
