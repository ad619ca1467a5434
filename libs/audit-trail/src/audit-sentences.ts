import type { AuditEvent } from '@careops/audit';

/** A piece of a sentence: words of the product, or data (a name, a bed code, a number). */
export interface SentencePart {
  text: string;
  data?: boolean;
}

/** The names an entry refers to, resolved through the other features' readers. */
export interface TrailNames {
  users: Map<string, string>;
  residents: Map<string, string>;
  /** admission id → resident id */
  admissions: Map<string, string>;
  beds: Map<string, string>;
  claims: Map<string, { number: string; month: string }>;
  staff: Map<string, string>;
}

export interface Sentence {
  zh: SentencePart[];
  en: SentencePart[];
}

/** `s\`${name} 入住\`` → parts; every interpolated value is data. */
const s = (strings: TemplateStringsArray, ...values: (string | SentencePart)[]): SentencePart[] => {
  const parts: SentencePart[] = [];
  strings.forEach((text, i) => {
    if (text) parts.push({ text });
    if (i < values.length) {
      const v = values[i];
      parts.push(typeof v === 'string' ? { text: v, data: true } : v);
    }
  });
  return parts;
};
/** Product words inside an interpolation (not data). */
const w = (text: string): SentencePart => ({ text });

export const sentenceText = (parts: SentencePart[]) => parts.map((p) => p.text).join('');

const ROLE = {
  PLATFORM_ADMIN: ['平台管理员', 'the platform admin'],
  FACILITY_MANAGER: ['机构负责人', 'the manager'],
  ACCOUNTANT: ['会计', 'the accountant'],
  REGULATOR: ['监管人员', 'the regulator'],
} as Record<string, [string, string]>;

const LEVEL: Record<string, [string, string]> = {
  SELF_CARE: ['自理', 'self-care'],
  SEMI_DISABLED: ['半失能', 'semi-disabled'],
  FULLY_DISABLED: ['失能', 'fully disabled'],
};

/** docs/rules.md §10: the nine risks 九防 and 其他, as the trail names them. */
const SAFETY_TYPE: Record<string, [string, string]> = {
  CHOKING: ['噎食', 'choking'],
  WRONG_INTAKE: ['食品药品误食', 'wrong intake'],
  PRESSURE_INJURY: ['压疮', 'pressure injury'],
  SCALD: ['烫伤', 'scald'],
  FALL_FROM_BED: ['坠床', 'fall from bed'],
  FALL: ['跌倒', 'fall'],
  WANDERING: ['走失', 'wandering'],
  HARM: ['他伤和自伤', 'harm'],
  RECREATION: ['文娱活动意外', 'recreation accident'],
  OTHER: ['其他', 'other'],
};
const DRILL: Record<string, [string, string]> = {
  FIRE_DRILL: ['消防演练', 'a fire drill'],
  SAFETY_INSPECTION: ['安全检查', 'a safety inspection'],
};

const after = (e: AuditEvent, key: string): unknown => {
  const change = e.diff[key] as { after?: unknown } | undefined;
  return change && typeof change === 'object' ? change.after : undefined;
};
const before = (e: AuditEvent, key: string): unknown => {
  const change = e.diff[key] as { before?: unknown } | undefined;
  return change && typeof change === 'object' ? change.before : undefined;
};
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
/** Fen as yuan with two decimals, by integer arithmetic (docs/rules.md §5). */
const money = (v: unknown): string => {
  const fen = typeof v === 'number' && Number.isInteger(v) ? v : 0;
  return `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
};

/**
 * One readable sentence per entry, in Chinese and English, from its action, its before/after and
 * the names it refers to ("张三 将 李四 从 203-1 转至 310-2"); an action not known here gets a
 * generic sentence naming who and when, so a new kind of entry never breaks the trail.
 */
export function describeEntry(e: AuditEvent, names: TrailNames): Sentence {
  const actorName = e.actorId ? names.users.get(e.actorId) : undefined;
  const role = e.actorRole ? ROLE[e.actorRole] : undefined;
  const az: SentencePart = actorName ? { text: actorName, data: true } : w(role?.[0] ?? (e.actorId ? '一位用户' : '系统'));
  const ae: SentencePart = actorName ? { text: actorName, data: true } : w(role?.[1] ?? (e.actorId ? 'a user' : 'the system'));
  const Ae: SentencePart = ae.data ? ae : w(ae.text.charAt(0).toUpperCase() + ae.text.slice(1));

  const residentId =
    str(after(e, 'residentId')) ??
    (e.entityType === 'admission' && e.entityId ? names.admissions.get(e.entityId) : undefined) ??
    (e.entityType === 'resident' ? (e.entityId ?? undefined) : undefined);
  const residentName = (residentId && names.residents.get(residentId)) ?? str(after(e, 'name'));
  const rz: SentencePart = residentName ? { text: residentName, data: true } : w('一位老人');
  const re: SentencePart = residentName ? { text: residentName, data: true } : w('a resident');
  const bed = (id: unknown): [SentencePart, SentencePart] => {
    const code = typeof id === 'string' ? names.beds.get(id) : undefined;
    return code
      ? [
          { text: code, data: true },
          { text: code, data: true },
        ]
      : [w('某床位'), w('a bed')];
  };
  const claim = e.entityId ? names.claims.get(e.entityId) : undefined;
  const month = claim?.month ?? str(after(e, 'month')) ?? '';
  const number = claim?.number ?? '';
  const staffName = (e.entityId && names.staff.get(e.entityId)) ?? str(after(e, 'name'));
  const staffOf = (id: unknown) => (typeof id === 'string' ? names.staff.get(id) : undefined) ?? staffName;
  const userName = (e.entityId && names.users.get(e.entityId)) ?? str(after(e, 'username')) ?? '';

  switch (e.action) {
    case 'admission.create': {
      const [bz, be] = bed(after(e, 'bedId'));
      const on = str(after(e, 'admittedOn')) ?? '';
      return { zh: s`${az} 为 ${rz} 办理入住，床位 ${bz}，入住日 ${on}`, en: s`${Ae} admitted ${re} to bed ${be} on ${on}` };
    }
    case 'admission.transfer': {
      const [fz, fe] = bed(before(e, 'bedId'));
      const [tz, te] = bed(after(e, 'bedId'));
      const on = str(after(e, 'on')) ?? '';
      return { zh: s`${az} 将 ${rz} 从 ${fz} 转至 ${tz}（${on} 起）`, en: s`${Ae} moved ${re} from ${fe} to ${te} on ${on}` };
    }
    case 'admission.discharge': {
      const on = str(after(e, 'dischargedOn')) ?? '';
      const reason = str(after(e, 'reason')) ?? '';
      return { zh: s`${az} 为 ${rz} 办理退住，退住日 ${on}，原因：${reason}`, en: s`${Ae} discharged ${re} on ${on} (${reason})` };
    }
    case 'admission.leave': {
      const hospital = after(e, 'kind') === 'HOSPITAL';
      const from = str(after(e, 'from')) ?? '';
      const to = str(after(e, 'to')) ?? '';
      return {
        zh: s`${az} 登记 ${rz} ${w(hospital ? '外出住院' : '请假')} ${from} 至 ${to}`,
        en: s`${Ae} recorded ${w(hospital ? 'a hospital stay' : 'a leave')} of ${re} from ${from} to ${to}`,
      };
    }
    case 'assessment.create': {
      const level = LEVEL[String(after(e, 'careLevel'))];
      const total = after(e, 'totalScore');
      // docs/rules.md §4a: a scored assessment says its total.
      if (level && typeof total === 'number')
        return {
          zh: s`${az} 为 ${rz} 录入能力评估（总分 ${w(String(total))}）：${w(level[0])}`,
          en: s`${Ae} recorded a scored assessment of ${re} (total ${w(String(total))}): ${w(level[1])}`,
        };
      return level
        ? { zh: s`${az} 为 ${rz} 录入能力评估：${w(level[0])}`, en: s`${Ae} recorded an assessment of ${re}: ${w(level[1])}` }
        : { zh: s`${az} 为 ${rz} 录入能力评估`, en: s`${Ae} recorded an assessment of ${re}` };
    }
    // Corrections 撤销 (docs/rules.md §12): what was voided and why.
    case 'admission.void': {
      const on = str(before(e, 'admittedOn')) ?? '';
      const reason = str(after(e, 'reason')) ?? '';
      return {
        zh: s`${az} 撤销了 ${rz} 的入住（入住日 ${on}），原因：${reason}`,
        en: s`${Ae} voided the admission of ${re} on ${on} (${reason})`,
      };
    }
    case 'transfer.void': {
      const to = str(before(e, 'bed')) ?? '';
      const on = str(before(e, 'on')) ?? '';
      const reason = str(after(e, 'reason')) ?? '';
      return {
        zh: s`${az} 撤销了 ${rz} ${on} 转至 ${to} 的转床，原因：${reason}`,
        en: s`${Ae} voided the transfer of ${re} to ${to} on ${on} (${reason})`,
      };
    }
    case 'leave.void': {
      const hospital = before(e, 'kind') === 'HOSPITAL';
      const from = str(before(e, 'from')) ?? '';
      const to = str(before(e, 'to')) ?? '';
      const reason = str(after(e, 'reason')) ?? '';
      return {
        zh: s`${az} 撤销了 ${rz} ${from} 至 ${to} 的${w(hospital ? '外出住院' : '请假')}，原因：${reason}`,
        en: s`${Ae} voided ${w(hospital ? 'the hospital stay' : 'the leave')} of ${re} from ${from} to ${to} (${reason})`,
      };
    }
    case 'discharge.void': {
      const on = str(before(e, 'dischargedOn')) ?? '';
      const reason = str(after(e, 'reason')) ?? '';
      return {
        zh: s`${az} 撤销了 ${rz} 的退住（退住日 ${on}），原因：${reason}`,
        en: s`${Ae} voided the discharge of ${re} on ${on} (${reason})`,
      };
    }
    case 'assessment.void': {
      const level = LEVEL[String(before(e, 'careLevel'))] ?? ['', ''];
      const on = str(before(e, 'effectiveOn')) ?? '';
      const reason = str(after(e, 'reason')) ?? '';
      return {
        zh: s`${az} 撤销了 ${rz} 的能力评估（${w(level[0])}，${on} 起），原因：${reason}`,
        en: s`${Ae} voided the assessment of ${re} (${w(level[1])} from ${on}) (${reason})`,
      };
    }
    case 'resident.create':
      return { zh: s`${az} 新建老人档案 ${rz}`, en: s`${Ae} added the resident ${re}` };
    case 'resident.update':
      return { zh: s`${az} 修改了 ${rz} 的档案`, en: s`${Ae} changed the record of ${re}` };
    case 'resident.reveal_id_number':
      return { zh: s`${az} 查看了 ${rz} 的身份证号`, en: s`${Ae} viewed the ID number of ${re}` };
    case 'staff.create':
    case 'staff.update':
    case 'staff.certificate':
    case 'staff.training': {
      const name = staffOf(after(e, 'staffId'));
      const sz: SentencePart = name ? { text: name, data: true } : w('一名员工');
      const se: SentencePart = name ? { text: name, data: true } : w('a staff member');
      const [zh, en] = {
        'staff.create': [s`${az} 新增员工 ${sz}`, s`${Ae} added the staff member ${se}`],
        'staff.update': [s`${az} 修改了员工 ${sz} 的信息`, s`${Ae} changed the record of ${se}`],
        'staff.certificate': [s`${az} 为员工 ${sz} 登记证书`, s`${Ae} recorded a certificate of ${se}`],
        'staff.training': [s`${az} 为员工 ${sz} 登记培训`, s`${Ae} recorded a training of ${se}`],
      }[e.action];
      return { zh, en };
    }
    case 'claim.create':
      return { zh: s`${az} 生成了 ${month} 的补贴申领 ${number}`, en: s`${Ae} drafted the ${month} subsidy claim ${number}` };
    case 'claim.regenerate':
      return { zh: s`${az} 重新生成了 ${month} 的补贴申领 ${number}`, en: s`${Ae} redrafted the ${month} subsidy claim ${number}` };
    case 'claim.submit':
      return { zh: s`${az} 提交了 ${month} 的补贴申领 ${number}`, en: s`${Ae} submitted the ${month} subsidy claim ${number}` };
    case 'claim.approve':
      return {
        zh: s`${az} 登记 ${month} 的补贴申领 ${number} 已获批准`,
        en: s`${Ae} recorded the approval of the ${month} subsidy claim ${number}`,
      };
    case 'claim.reject':
      return {
        zh: s`${az} 登记 ${month} 的补贴申领 ${number} 被退回`,
        en: s`${Ae} recorded the rejection of the ${month} subsidy claim ${number}`,
      };
    case 'claim.pay':
      return {
        zh: s`${az} 登记 ${month} 的补贴申领 ${number} 已拨付`,
        en: s`${Ae} recorded the payment of the ${month} subsidy claim ${number}`,
      };
    case 'subsidy_policy.create':
      return { zh: s`${az} 设置了补贴标准`, en: s`${Ae} set the subsidy rates` };
    case 'level_policy.create':
      return { zh: s`${az} 设置了评估等级与照护等级的对应政策`, en: s`${Ae} set which care level each assessment grade gives` };
    case 'report_job.create':
      return { zh: s`${az} 申请生成一份文件`, en: s`${Ae} requested a document` };
    case 'auth.login':
      return { zh: s`${az} 登录`, en: s`${Ae} signed in` };
    case 'auth.logout':
      return { zh: s`${az} 退出登录`, en: s`${Ae} signed out` };
    case 'auth.refresh':
      return { zh: s`${az} 续期了登录`, en: s`${Ae} renewed the session` };
    case 'auth.login.failed':
    case 'auth.login.locked': {
      const note = (e.diff.note ?? {}) as { username?: unknown };
      const who = str(note.username) ?? '';
      return e.action === 'auth.login.locked'
        ? { zh: s`账号 ${who} 多次登录失败，已暂时锁定`, en: s`The account ${who} was locked after failed sign-ins` }
        : { zh: s`账号 ${who} 登录失败`, en: s`A sign-in as ${who} failed` };
    }
    case 'auth.refresh.failed':
      return { zh: s`一次续期登录失败`, en: s`A session renewal failed` };
    case 'auth.refresh.reuse':
      return {
        zh: s`${az} 的旧登录凭据被再次使用，其登录已全部失效`,
        en: s`An old session token of ${ae} was reused; all its sessions were ended`,
      };
    case 'user.admin_reset':
      return { zh: s`${az} 重置了账号 ${userName} 的密码`, en: s`${Ae} reset the password of ${userName}` };
    case 'user.create':
    case 'user.admin_create':
      return { zh: s`${az} 新建账号 ${userName}`, en: s`${Ae} created the account ${userName}` };
    case 'user.deactivate':
      return { zh: s`${az} 停用了账号 ${userName}`, en: s`${Ae} deactivated the account ${userName}` };
    case 'user.reactivate':
      return { zh: s`${az} 恢复了账号 ${userName}`, en: s`${Ae} reactivated the account ${userName}` };
    case 'room.create': {
      const room = [str(after(e, 'building')), str(after(e, 'number'))].filter(Boolean).join(' ');
      return { zh: s`${az} 新建房间 ${room}`, en: s`${Ae} added the room ${room}` };
    }
    case 'bed.create': {
      const code = str(after(e, 'code')) ?? '';
      return { zh: s`${az} 新增床位 ${code}`, en: s`${Ae} added the bed ${code}` };
    }
    case 'bed.update': {
      const [bz, be] = bed(e.entityId);
      return { zh: s`${az} 修改了床位 ${bz}`, en: s`${Ae} changed the bed ${be}` };
    }
    case 'day_member.enrol':
      return { zh: s`${az} 为 ${rz} 办理日间照料登记`, en: s`${Ae} enrolled ${re} in day care` };
    case 'day_member.end':
      return { zh: s`${az} 结束了一位日间照料老人的登记`, en: s`${Ae} ended a day-care membership` };
    case 'attendance.check_in':
      return { zh: s`${az} 登记 ${rz} 到站`, en: s`${Ae} checked in ${re}` };
    case 'attendance.check_out':
      return { zh: s`${az} 登记一位老人离站`, en: s`${Ae} checked out a resident` };
    case 'service_record.create':
      return { zh: s`${az} 为 ${rz} 记录一次服务`, en: s`${Ae} recorded a service for ${re}` };
    case 'risk_assessment.create': {
      const high = Array.isArray(after(e, 'highRisks')) ? (after(e, 'highRisks') as string[]) : [];
      const hz = high.map((r) => SAFETY_TYPE[r]?.[0] ?? r).join('、');
      const he = high.map((r) => SAFETY_TYPE[r]?.[1] ?? r).join(', ');
      return high.length
        ? { zh: s`${az} 为 ${rz} 做了九防风险评估，高风险：${w(hz)}`, en: s`${Ae} assessed the nine risks of ${re}; high: ${w(he)}` }
        : { zh: s`${az} 为 ${rz} 做了九防风险评估，无高风险`, en: s`${Ae} assessed the nine risks of ${re}; none high` };
    }
    case 'incident.create':
    case 'incident.close': {
      const [tz, te] = SAFETY_TYPE[str(after(e, 'type')) ?? 'OTHER'] ?? SAFETY_TYPE.OTHER;
      const closing = e.action === 'incident.close';
      if (!residentId)
        return closing
          ? { zh: s`${az} 将一起${w(tz)}事件结案`, en: s`${Ae} closed an incident (${w(te)})` }
          : { zh: s`${az} 记录了一起${w(tz)}事件`, en: s`${Ae} recorded an incident (${w(te)})` };
      return closing
        ? {
            zh: s`${az} 将 ${rz} 的${w(tz)}事件结案（已通知家属）`,
            en: s`${Ae} closed the incident (${w(te)}) of ${re}, the family notified`,
          }
        : { zh: s`${az} 记录了 ${rz} 的${w(tz)}事件`, en: s`${Ae} recorded an incident (${w(te)}) of ${re}` };
    }
    case 'safety_drill.create': {
      const [dz, de] = DRILL[str(after(e, 'kind')) ?? ''] ?? ['安全检查', 'a safety inspection'];
      const on = str(after(e, 'on')) ?? '';
      return { zh: s`${az} 记录了${w(dz)}（${on}）`, en: s`${Ae} recorded ${w(de)} on ${on}` };
    }
    case 'facility.create':
      return { zh: s`${az} 开通了本机构`, en: s`${Ae} created the facility` };
    case 'facility.update':
      return { zh: s`${az} 修改了机构信息`, en: s`${Ae} changed the facility's details` };
    case 'monthly_report.submit':
      return { zh: s`${az} 报送了 ${month} 的月报`, en: s`${Ae} submitted the ${month} monthly report` };
    case 'monthly_report.resubmit':
      return {
        zh: s`${az} 重新报送了 ${month} 的月报，原因：${str(after(e, 'reason')) ?? ''}`,
        en: s`${Ae} resubmitted the ${month} monthly report: ${str(after(e, 'reason')) ?? ''}`,
      };
    case 'demo.seed':
      return { zh: s`演示数据已载入`, en: s`The demo data was loaded` };
    case 'request.replay':
      return { zh: s`${az} 重复提交的请求已按首次结果答复`, en: s`${Ae} sent a request again; it got the first answer` };
    // docs/rules.md §9: billing.
    case 'billing.fee_item.create':
    case 'billing.fee_item.replace': {
      const item = str(after(e, 'name')) ?? str(after(e, 'code')) ?? '';
      const from = str(after(e, 'effectiveFrom')) ?? '';
      return { zh: s`${az} 设置收费项目 ${item}（${from} 起）`, en: s`${Ae} set the fee item ${item} from ${from}` };
    }
    case 'billing.usage':
      return { zh: s`${az} 为 ${rz} 登记按次收费 ${str(after(e, 'code')) ?? ''}`, en: s`${Ae} recorded a per-use charge for ${re}` };
    case 'billing.run':
      return { zh: s`${az} 生成了 ${month} 的账单`, en: s`${Ae} ran the ${month} bills` };
    case 'billing.issue':
      return {
        zh: s`${az} 开具了账单 ${str(after(e, 'number')) ?? ''}`,
        en: s`${Ae} issued the bill ${str(after(e, 'number')) ?? ''}`,
      };
    case 'billing.issue_month':
      return { zh: s`${az} 开具了 ${month} 的账单`, en: s`${Ae} issued the ${month} bills` };
    case 'billing.payment':
    case 'billing.deposit': {
      const amount = money(after(e, 'amountFen'));
      const receipt = str(after(e, 'receiptNumber')) ?? '';
      return e.action === 'billing.payment'
        ? { zh: s`${az} 收到 ${rz} 缴费 ${amount} 元，收据 ${receipt}`, en: s`${Ae} received ¥${amount} from ${re}, receipt ${receipt}` }
        : {
            zh: s`${az} 收到 ${rz} 押金 ${amount} 元，收据 ${receipt}`,
            en: s`${Ae} received a deposit of ¥${amount} from ${re}, receipt ${receipt}`,
          };
    }
    case 'billing.refund':
      return {
        zh: s`${az} 向 ${rz} 退款 ${money(after(e, 'amountFen'))} 元`,
        en: s`${Ae} refunded ¥${money(after(e, 'amountFen'))} to ${re}`,
      };
    case 'billing.reminder':
      return { zh: s`${az} 记录了欠费催缴`, en: s`${Ae} recorded a reminder of arrears` };
    case 'billing.settlement':
      return { zh: s`${az} 为 ${rz} 办理退住结算`, en: s`${Ae} settled the account of ${re} at discharge` };
    default:
      return { zh: s`${az} 进行了一项操作`, en: s`${Ae} made a change` };
  }
}

/** The ids an entry refers to, by what reads them. */
export function referencedIds(e: AuditEvent): { residents: string[]; admissions: string[]; beds: string[]; users: string[] } {
  const ids = { residents: [] as string[], admissions: [] as string[], beds: [] as string[], users: [] as string[] };
  const rid = str(after(e, 'residentId'));
  if (rid) ids.residents.push(rid);
  if (e.entityType === 'resident' && e.entityId) ids.residents.push(e.entityId);
  if (e.entityType === 'admission' && e.entityId) ids.admissions.push(e.entityId);
  for (const b of [before(e, 'bedId'), after(e, 'bedId')]) if (typeof b === 'string') ids.beds.push(b);
  if (e.entityType === 'bed' && e.entityId) ids.beds.push(e.entityId);
  if (e.actorId) ids.users.push(e.actorId);
  if (e.entityType === 'user' && e.entityId) ids.users.push(e.entityId);
  return ids;
}
