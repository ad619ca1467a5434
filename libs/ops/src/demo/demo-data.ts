import type { EntityManager } from 'typeorm';
import {
  ABILITY_INSTRUMENT,
  ABILITY_ITEMS,
  addDays,
  calendarDate,
  CareLevel,
  dayNumber,
  DEFAULT_GRADE_LEVEL_MAPPING,
  idNumberCheckChar,
  isoDate,
  scoreAssessment,
} from '@careops/care';
import { applyTenantScope } from '@careops/db';
import { seedBilling } from './demo-billing';
import { nameInitials, type IdNumberProtector } from '@careops/residents';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'.split('');
const GIVEN = [
  '秀英',
  '桂兰',
  '玉兰',
  '淑珍',
  '德胜',
  '建国',
  '凤英',
  '国华',
  '玉珍',
  '文华',
  '志强',
  '秀兰',
  '明亮',
  '淑英',
  '春生',
  '玉梅',
  '金凤',
  '永福',
  '海燕',
  '长顺',
];

/** A deterministic sequence (the demo is the same on every machine). */
function* sequence(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    yield x;
  }
}

function idNumber(region: string, dateOfBirth: string, seq: number): string {
  const first17 = `${region}${dateOfBirth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

async function resident(
  tx: EntityManager,
  ids: IdNumberProtector,
  facilityId: string,
  n: number,
  region: string,
  random: Generator<number>,
): Promise<{ id: string; name: string }> {
  const name = SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length];
  const born = isoDate(dayNumber('1930-01-01') + ((random.next().value as number) % (365 * 28)));
  const p = ids.protect(idNumber(region, born, 100 + n));
  const age = 2026 - Number(born.slice(0, 4));
  const categories = [age >= 80 ? 'ADVANCED_AGE' : null, n % 9 === 0 ? 'DIBAO' : null, n % 17 === 0 ? 'TEKUN' : null].filter(Boolean);
  const [row] = await tx.query(
    `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked, hukou, phone, categories, emergency_contacts, name_initials)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      facilityId,
      name,
      n % 2 === 1 ? 'M' : 'F', // digit 17 of the ID number (seq 100 + n): odd is male
      born,
      p.cipher,
      p.keyVersion,
      p.hmac,
      p.masked,
      '河南省平顶山市宝丰县',
      `1380375${String(1000 + n).slice(-4)}`,
      categories,
      JSON.stringify([{ name: `${name.slice(0, 1)}建军`, relation: '儿子', phone: `1390375${String(2000 + n).slice(-4)}` }]),
      nameInitials(name),
    ],
  );
  return { id: row.id as string, name };
}

async function assess(
  tx: EntityManager,
  facilityId: string,
  residentId: string,
  effectiveOn: string,
  level: CareLevel,
  grade: string | null,
) {
  await tx.query(
    `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, grade, assessor) VALUES ($1, $2, $3, $4, $5, '平顶山市老年人能力评估中心')`,
    [facilityId, residentId, effectiveOn, level, grade],
  );
}

/**
 * A scored assessment (docs/rules.md §4a), assessed the day before it takes effect: every item one point below its
 * maximum except the 0–1 items and 意识水平 (清醒), 洗澡 and 上下楼梯 lower — 64 points, 中度失能 — with the diagnoses given.
 */
async function assessScored(tx: EntityManager, facilityId: string, residentId: string, effectiveOn: string, diagnoses: string[]) {
  const items = Object.fromEntries(ABILITY_ITEMS.map((item) => [item.code, item.max === 1 ? 1 : item.max - 1]));
  Object.assign(items, { 'B1.3': 1, 'B2.4': 1, 'B3.9': 2 });
  const r = scoreAssessment({ items, diagnoses });
  await tx.query(
    `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, grade, assessor, instrument, reason, assessed_on, assessors,
                             items, diagnoses, total_score, base_grade, adjustments, level_policy_id)
     VALUES ($1, $2, $3, $4, $5, '李评估员、王评估员', $6, 'IMMEDIATE', $7, ARRAY['李评估员', '王评估员'], $8, $9, $10, $11, $12,
             (SELECT id FROM level_policy WHERE division_code = '000000' ORDER BY effective_from DESC LIMIT 1))`,
    [
      facilityId,
      residentId,
      effectiveOn,
      DEFAULT_GRADE_LEVEL_MAPPING[r.grade],
      r.grade,
      ABILITY_INSTRUMENT,
      addDays(effectiveOn, -1),
      JSON.stringify(items),
      diagnoses,
      r.totalScore,
      r.baseGrade,
      JSON.stringify(r.adjustments),
    ],
  );
}

/**
 * The demo care home of `npm start`: 60 beds on 3 floors, 36 of them nursing-type (60 %),
 * 2 general beds out of service; about 50 residents across the three levels, admitted over the last months, with
 * a transfer, a discharge last month, a level change in the middle of last month and a leave today.
 */
export async function seedCareHome(tx: EntityManager, ids: IdNumberProtector, facilityId: string, today = calendarDate(new Date())) {
  await applyTenantScope(tx, { facilityId });
  const random = sequence(2026);
  const beds: { id: string; code: string; kind: string }[] = [];
  for (const floor of [1, 2, 3]) {
    for (let room = 1; room <= 10; room++) {
      const [r] = await tx.query(`INSERT INTO room (facility_id, building, floor, number) VALUES ($1, '颐康楼', $2, $3) RETURNING id`, [
        facilityId,
        floor,
        `${floor}${String(room).padStart(2, '0')}`,
      ]);
      for (const bedNo of [1, 2]) {
        // Floor 3 and most of floor 2 are fitted for disabled residents (护理型): 36 of 60 beds.
        const kind = floor === 3 || (floor === 2 && room <= 8) ? 'NURSING' : 'GENERAL';
        const code = `${floor}${String(room).padStart(2, '0')}-${bedNo}`;
        const [b] = await tx.query(`INSERT INTO bed (facility_id, room_id, code, kind) VALUES ($1, $2, $3, $4) RETURNING id`, [
          facilityId,
          r.id,
          code,
          kind,
        ]);
        beds.push({ id: b.id, code, kind });
      }
    }
  }
  const thisMonth = `${today.slice(0, 7)}-01`;
  const lastMonth = isoDate(dayNumber(thisMonth) - 1).slice(0, 7) + '-01';

  const levels: [CareLevel, string][] = [
    ['SELF_CARE', 'INTACT'],
    ['SEMI_DISABLED', 'MILD'],
    ['SEMI_DISABLED', 'MODERATE'],
    ['FULLY_DISABLED', 'SEVERE'],
    ['FULLY_DISABLED', 'COMPLETE'],
  ];
  const people: { id: string; admission: string; bed: string }[] = [];
  // 50 residents: the disabled ones on the nursing floors (2–3), the self-care ones on floor 1.
  const nursing = beds.filter((b) => b.kind === 'NURSING');
  const general = beds.filter((b) => b.kind === 'GENERAL');
  // Two free general beds are out of service since last month.
  for (const bed of general.slice(-2)) {
    await tx.query(`INSERT INTO bed_outage (facility_id, bed_id, period, reason) VALUES ($1, $2, daterange($3, NULL), '卫生间改造')`, [
      facilityId,
      bed.id,
      lastMonth,
    ]);
  }
  for (let n = 0; n < 50; n++) {
    const [level, grade] = n < 16 ? levels[0] : levels[1 + (n % 4)];
    const bed = level === 'SELF_CARE' ? general[n % general.length] : nursing[(n - 16) % nursing.length];
    // Those who are discharged or transferred below came long ago, so their dates always follow admission.
    const daysAgo = n === 1 || n === 20 ? 200 : 20 + ((random.next().value as number) % 300);
    const admittedOn = addDays(today, -daysAgo);
    const r = await resident(tx, ids, facilityId, n, '410421', random);
    await assess(tx, facilityId, r.id, admittedOn, level, grade);
    const [a] = await tx.query(
      `INSERT INTO admission (facility_id, resident_id, period) VALUES ($1, $2, daterange($3, NULL)) RETURNING id`,
      [facilityId, r.id, admittedOn],
    );
    await tx.query(
      `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period) VALUES ($1, $2, $3, $4, daterange($5, NULL))`,
      [facilityId, a.id, r.id, bed.id, admittedOn],
    );
    people.push({ id: r.id, admission: a.id, bed: bed.id });
  }
  // A level change in the middle of last month: 自理 → 半失能 (中度, a scored assessment) from the 15th.
  await assessScored(tx, facilityId, people[0].id, `${lastMonth.slice(0, 7)}-15`, []);
  // A discharge on the 20th of last month (the bed is free again from that day).
  const discharged = `${lastMonth.slice(0, 7)}-20`;
  await tx.query(`UPDATE admission SET period = daterange(lower(period), $2), discharge_reason = '回家养老' WHERE id = $1`, [
    people[1].admission,
    discharged,
  ]);
  await tx.query(`UPDATE stay SET period = daterange(lower(period), $2) WHERE admission_id = $1`, [people[1].admission, discharged]);
  // A transfer on the 10th of this month (or today, early in the month) to a free nursing bed.
  const transferOn = dayNumber(today) - dayNumber(thisMonth) >= 9 ? `${thisMonth.slice(0, 7)}-10` : today;
  const freeNursing = nursing[34];
  await tx.query(`UPDATE stay SET period = daterange(lower(period), $2) WHERE admission_id = $1`, [people[20].admission, transferOn]);
  await tx.query(`INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period) VALUES ($1, $2, $3, $4, daterange($5, NULL))`, [
    facilityId,
    people[20].admission,
    people[20].id,
    freeNursing.id,
    transferOn,
  ]);
  // Staff (docs/rules.md §6): 18 full-time caregivers and a half-time one, all trained and certified; one
  // certificate runs out in 5 days, so the staffing calendar turns red then (and the worker warns).
  const staffNames = [
    '张丽',
    '王芳',
    '李娜',
    '刘敏',
    '陈静',
    '杨秀兰',
    '赵霞',
    '黄敏',
    '周艳',
    '吴红',
    '徐丽',
    '孙梅',
    '胡静',
    '朱玲',
    '高燕',
    '林芳',
    '何丹',
    '郭秀云',
    '马玉兰',
  ];
  for (const [i, name] of staffNames.entries()) {
    const [s] = await tx.query(
      `INSERT INTO staff (facility_id, name, role, employed_from, fte_hundredths, phone) VALUES ($1, $2, 'CAREGIVER', $3, $4, $5) RETURNING id`,
      [facilityId, name, addDays(today, -400 - i * 7), i === staffNames.length - 1 ? 50 : 100, `1370375${String(3000 + i).slice(-4)}`],
    );
    await tx.query(
      `INSERT INTO staff_training (facility_id, staff_id, course, completed_on, passed) VALUES ($1, $2, '养老护理员岗前培训', $3, true)`,
      [facilityId, s.id, addDays(today, -405 - i * 7)],
    );
    await tx.query(
      `INSERT INTO staff_certificate (facility_id, staff_id, type, number, level, issued_on, expires_on) VALUES ($1, $2, '养老护理员职业技能等级证书', $3, '四级/中级工', $4, $5)`,
      [
        facilityId,
        s.id,
        `S4104210${String(1000 + i)}`,
        addDays(today, -400 - i * 7),
        i === 0 ? addDays(today, 5) : addDays(today, 700 + i),
      ],
    );
  }
  for (const [name, role] of [
    ['陈医生', 'DOCTOR'],
    ['宋护士', 'NURSE'],
    ['谢护士', 'NURSE'],
    ['王院长', 'MANAGER'],
    ['韩社工', 'SOCIAL_WORKER'],
  ]) {
    await tx.query(`INSERT INTO staff (facility_id, name, role, employed_from, fte_hundredths) VALUES ($1, $2, $3, $4, 100)`, [
      facilityId,
      name,
      role,
      addDays(today, -900),
    ]);
  }

  // 家庭养老床位: four elders served at home (docs/rules.md §5, HOME_CARE_BED), enrolled months ago.
  for (const [i, level] of (['FULLY_DISABLED', 'SEMI_DISABLED', 'SEMI_DISABLED', 'FULLY_DISABLED'] as const).entries()) {
    const r = await resident(tx, ids, facilityId, 200 + i, '410421', random);
    const from = addDays(today, -60 - 30 * i);
    await assess(tx, facilityId, r.id, from, level, level === 'FULLY_DISABLED' ? 'SEVERE' : 'MODERATE');
    await tx.query(`INSERT INTO home_care_bed (facility_id, resident_id, period, address) VALUES ($1, $2, daterange($3, NULL), $4)`, [
      facilityId,
      r.id,
      from,
      `宝丰县城关镇人民路${12 + i * 7}号`,
    ]);
  }

  // On leave today (请假), and one in hospital (外出住院) last week.
  await tx.query(
    `INSERT INTO leave (facility_id, admission_id, resident_id, period, kind, reason) VALUES ($1, $2, $3, daterange($4, $5), 'LEAVE', '回家探亲')`,
    [facilityId, people[5].admission, people[5].id, addDays(today, -1), addDays(today, 3)],
  );
  await tx.query(
    `INSERT INTO leave (facility_id, admission_id, resident_id, period, kind, reason) VALUES ($1, $2, $3, daterange($4, $5), 'HOSPITAL', '肺炎住院')`,
    [facilityId, people[30].admission, people[30].id, addDays(today, -9), addDays(today, -3)],
  );

  // Service safety (docs/rules.md §10): nine-risk assessments of a few residents (one 高 fall risk with its
  // measure), a fall last week closed with the family notice and a review, a fire drill and an inspection.
  const none = {
    CHOKING: 'NONE',
    WRONG_INTAKE: 'NONE',
    PRESSURE_INJURY: 'NONE',
    SCALD: 'NONE',
    FALL_FROM_BED: 'NONE',
    FALL: 'NONE',
    WANDERING: 'NONE',
    HARM: 'NONE',
    RECREATION: 'NONE',
  };
  const riskOf: [number, Record<string, string>, Record<string, string>][] = [
    [2, { ...none, FALL: 'HIGH', PRESSURE_INJURY: 'LOW' }, { FALL: '床栏、防滑鞋，如厕有人陪同' }],
    [3, { ...none, CHOKING: 'LOW' }, {}],
    [4, none, {}],
    [17, { ...none, PRESSURE_INJURY: 'HIGH', FALL_FROM_BED: 'LOW' }, { PRESSURE_INJURY: '每 2 小时翻身，使用气垫床' }],
  ];
  for (const [n, risks, measures] of riskOf) {
    await tx.query(
      `INSERT INTO risk_assessment (facility_id, resident_id, assessed_on, risks, measures, assessor) VALUES ($1, $2, $3, $4, $5, '宋护士')`,
      [facilityId, people[n].id, addDays(today, -15), JSON.stringify(risks), JSON.stringify(measures)],
    );
  }
  const [fall] = await tx.query(
    `INSERT INTO incident (facility_id, type, occurred_at, place, description, injuries, actions)
     VALUES ($1, 'FALL', ($2::date + time '15:10') AT TIME ZONE 'Asia/Shanghai', '颐康楼 203 卫生间', '如厕起身时滑倒，右手撑地', '右腕擦伤', '当班护理员扶起，医务室消毒包扎')
     RETURNING id`,
    [facilityId, addDays(today, -6)],
  );
  await tx.query(`INSERT INTO incident_resident (facility_id, incident_id, resident_id) VALUES ($1, $2, $3)`, [
    facilityId,
    fall.id,
    people[2].id,
  ]);
  await tx.query(
    `UPDATE incident SET family_notified_at = occurred_at + interval '40 minutes', family_notified_how = '电话', family_notified_by = '宋护士',
       review = '卫生间加装扶手，夜间如厕有人陪同', closed_at = occurred_at + interval '1 day' WHERE id = $1`,
    [fall.id],
  );
  await tx.query(
    `INSERT INTO safety_drill (facility_id, kind, "on", participants, participant_count, findings) VALUES ($1, 'FIRE_DRILL', $2, '全体在班员工', 21, '疏散用时 4 分钟，3 楼应急灯不亮，已报修')`,
    [facilityId, addDays(today, -20)],
  );
  await tx.query(
    `INSERT INTO safety_drill (facility_id, kind, "on", participants, findings) VALUES ($1, 'SAFETY_INSPECTION', $2, '王院长、后勤主管', '消防通道畅通，灭火器在有效期内')`,
    [facilityId, addDays(today, -10)],
  );
  await seedBilling(tx, facilityId, today);
}

/** The demo day center: 12 members and a month of attendance and services (六助), 4 staff. */
export async function seedDayCenter(tx: EntityManager, ids: IdNumberProtector, facilityId: string, today = calendarDate(new Date())) {
  await applyTenantScope(tx, { facilityId });
  for (const [name, role] of [
    ['赵主任', 'MANAGER'],
    ['钱护理员', 'CAREGIVER'],
    ['孙护理员', 'CAREGIVER'],
    ['李厨师', 'OTHER'],
  ]) {
    await tx.query(`INSERT INTO staff (facility_id, name, role, employed_from, fte_hundredths) VALUES ($1, $2, $3, $4, 100)`, [
      facilityId,
      name,
      role,
      addDays(today, -500),
    ]);
  }
  const random = sequence(11);
  const start = addDays(today, -30);
  const kinds = ['MEAL', 'MEAL', 'MEAL', 'BATH', 'CLEANING', 'MOBILITY', 'MEDICAL'];
  for (let n = 0; n < 12; n++) {
    const r = await resident(tx, ids, facilityId, 60 + n, '410421', random);
    const level: CareLevel = n < 7 ? 'SELF_CARE' : 'SEMI_DISABLED';
    await assess(tx, facilityId, r.id, addDays(start, -30), level, level === 'SELF_CARE' ? 'INTACT' : 'MILD');
    await tx.query(`INSERT INTO day_member (facility_id, resident_id, period) VALUES ($1, $2, daterange($3, NULL))`, [
      facilityId,
      r.id,
      addDays(start, -30),
    ]);
    for (let d = 0; d < 30; d++) {
      const day = addDays(start, d);
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6 || (random.next().value as number) % 10 < 2) continue;
      await tx.query(`INSERT INTO attendance (facility_id, resident_id, day, check_in, check_out) VALUES ($1, $2, $3, $4, $5)`, [
        facilityId,
        r.id,
        day,
        `08:${String(10 + ((n * 3) % 40)).padStart(2, '0')}`,
        `16:${String(15 + ((n * 7) % 40)).padStart(2, '0')}`,
      ]);
      await tx.query(`INSERT INTO service_record (facility_id, resident_id, kind, served_at, served_by) VALUES ($1, $2, $3, $4, $5)`, [
        facilityId,
        r.id,
        kinds[(n + d) % kinds.length],
        `${day}T11:30:00+08:00`,
        ['张护理员', '李护理员', '王护理员'][n % 3],
      ]);
    }
  }
}
