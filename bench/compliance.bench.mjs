#!/usr/bin/env node
// GET compliance/staffing over 366 days for a 500-resident facility (goal
// ≤ 500 ms). Prints its figures and whether the goal is met; exits non-zero when it is NOT MET.
//   node bench/compliance.bench.mjs
import { call, idNumber, must, percentile, pool, signInAdmin, startStack } from './lib.mjs';

const RESIDENTS = Number(process.env.BENCH_RESIDENTS ?? 500);
const STAFF = Number(process.env.BENCH_STAFF ?? 160);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const stack = await startStack();
try {
  const admin = await signInAdmin(stack);
  const facility = await must(
    call(stack.base, 'POST', '/api/facilities', admin, {
      name: '基准测试养老院',
      type: 'CARE_HOME',
      divisionCode: '410421',
      buildingAreaM2: 20000,
    }),
    'facility',
  );
  await must(
    call(stack.base, 'POST', '/api/users', admin, {
      username: 'bench.m',
      password: 'Bench-Manager-Password-1',
      role: 'FACILITY_MANAGER',
      facilityId: facility.id,
    }),
    'user',
  );
  const token = (
    await must(call(stack.base, 'POST', '/api/auth/login', null, { username: 'bench.m', password: 'Bench-Manager-Password-1' }), 'login')
  ).accessToken;
  const f = `/api/facilities/${facility.id}`;
  const rooms = [];
  for (let i = 0; i < Math.ceil(RESIDENTS / 4); i++)
    rooms.push(
      (await must(call(stack.base, 'POST', `${f}/rooms`, token, { building: '1号楼', floor: 1 + (i % 5), number: String(i) }), 'room')).id,
    );
  const levels = ['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'];
  // Set-up (not measured): residents admitted through 2025–2026, some discharged, a level change each.
  await pool(RESIDENTS, 8, async (i) => {
    const bed = (
      await must(call(stack.base, 'POST', `${f}/beds`, token, { code: `B${i}`, roomId: rooms[Math.floor(i / 4)], kind: 'NURSING' }), 'bed')
    ).id;
    const dob = `19${30 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`;
    const r = (
      await must(
        call(stack.base, 'POST', `${f}/residents`, token, {
          name: `老人${i}`,
          gender: i % 2 ? 'M' : 'F', // digit 17 of the ID number (i % 1000): odd is male
          dateOfBirth: dob,
          idNumber: idNumber(dob, i % 1000),
        }),
        'resident',
      )
    ).id;
    const admittedOn = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const a = await must(
      call(stack.base, 'POST', `${f}/admissions`, token, { residentId: r, bedId: bed, admittedOn, careLevel: levels[i % 3] }),
      'admission',
    );
    await must(
      call(stack.base, 'POST', `${f}/residents/${r}/assessments`, token, {
        careLevel: levels[(i + 1) % 3],
        effectiveOn: `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`,
        assessor: '评估员',
      }),
      'assessment',
    );
    if (i % 10 === 0)
      await must(
        call(stack.base, 'POST', `${f}/admissions/${a.id}/discharge`, token, { dischargedOn: '2026-09-01', reason: '回家' }),
        'discharge',
      );
  });
  await pool(STAFF, 8, async (i) => {
    const s = await must(
      call(stack.base, 'POST', `${f}/staff`, token, {
        name: `护理员${i}`,
        role: i % 8 === 0 ? 'NURSE' : 'CAREGIVER',
        employedFrom: '2024-06-01',
        fte: i % 5 === 0 ? 0.5 : 1,
      }),
      'staff',
    );
    await must(
      call(stack.base, 'POST', `${f}/staff/${s.id}/trainings`, token, { course: '岗前培训', completedOn: '2024-06-01', passed: true }),
      'training',
    );
    await must(
      call(stack.base, 'POST', `${f}/staff/${s.id}/certificates`, token, {
        type: '证书',
        number: `N${i}`,
        issuedOn: '2024-06-01',
        expiresOn: `2026-${String(1 + (i % 12)).padStart(2, '0')}-12`,
      }),
      'cert',
    );
  });

  // Measured: a year of days, sequentially (one manager opening the calendar), RUNS times.
  const path = `${f}/compliance/staffing?from=2026-01-01&to=2027-01-02`;
  await call(stack.base, 'GET', path, token); // warm-up
  const times = [];
  let days = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = await call(stack.base, 'GET', path, token);
    times.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    days = r.body.days.length;
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const max = times[times.length - 1];
  console.log(
    JSON.stringify(
      {
        residents: RESIDENTS,
        staff: STAFF,
        days,
        runs: RUNS,
        p50ms: +p50.toFixed(1),
        p95ms: +percentile(times, 95).toFixed(1),
        maxms: +max.toFixed(1),
      },
      null,
      2,
    ),
  );
  // The timed answer is the year asked for: 2026-01-01 … 2027-01-01, 366 days.
  if (days !== 366) throw new Error(`compliance/staffing answered ${days} days, not 366`);
  const met = max <= 500;
  console.log(`${met ? 'MET   ' : 'NOT MET'} GET compliance/staffing, 366 days × ${RESIDENTS} residents ≤ 500 ms (slowest of ${RUNS})`);
  if (!met) process.exitCode = 1;
} finally {
  await stack.stop();
}
