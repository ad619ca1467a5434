#!/usr/bin/env node
// The 1,000-row residents file of a large home, imported as a manager would: the 1,000 beds from
// their own file first (set-up, not measured), then the residents file previewed and committed in
// one transaction (measured). Goal: the commit ≤ 10 s end to end (upload, checks, writes).
// Prints rows/s, the times and the ratio to the goal; exits non-zero when the goal is NOT MET.
//   node bench/import.bench.mjs
// Knobs: BENCH_IMPORT_ROWS (1000).
import ExcelJS from 'exceljs';
import { call, idNumber, must, signInAdmin, startStack } from './lib.mjs';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1000);
const GOAL_MS = 10_000;
const LEVELS = ['自理', '半失能', '全失能'];
const CATEGORIES = ['', '特困供养', '低保、高龄', ''];

async function xlsx(headers, rows) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(base, facility, token, kind, file, commit) {
  const form = new FormData();
  form.append('file', new Blob([file]), `${kind.toLowerCase()}.xlsx`);
  const started = performance.now();
  const res = await fetch(`${base}/api/facilities/${facility}/imports?kind=${kind}${commit ? '&commit=true' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await res.json();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${kind} ${commit ? 'commit' : 'preview'}: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  if (body.errors.length > 0) throw new Error(`${kind}: ${body.errors.length} row errors, first ${JSON.stringify(body.errors[0])}`);
  return { body, ms };
}

const stack = await startStack();
try {
  const admin = await signInAdmin(stack);
  const facility = await must(
    call(stack.base, 'POST', '/api/facilities', admin, {
      name: '导入基准养老院',
      type: 'CARE_HOME',
      divisionCode: '410421',
      buildingAreaM2: 30000,
    }),
    'facility',
  );
  await must(
    call(stack.base, 'POST', '/api/users', admin, {
      username: 'bench.import',
      password: 'Bench-Manager-Password-1',
      role: 'FACILITY_MANAGER',
      facilityId: facility.id,
    }),
    'user',
  );
  const token = (
    await must(
      call(stack.base, 'POST', '/api/auth/login', null, { username: 'bench.import', password: 'Bench-Manager-Password-1' }),
      'login',
    )
  ).accessToken;

  const code = (i) => `B${String(i).padStart(4, '0')}`;
  const beds = await xlsx(
    ['楼栋', '楼层', '房间', '床位号', '类型'],
    Array.from({ length: ROWS }, (_, i) => [
      `${1 + Math.floor(i / 400)}号楼`,
      1 + (Math.floor(i / 40) % 10),
      String(100 + Math.floor(i / 4)),
      code(i),
      i % 20 < 11 ? '护理型' : '普通',
    ]),
  );
  const bedsCommit = await upload(stack.base, facility.id, token, 'BEDS', beds, true);

  const residents = await xlsx(
    ['姓名', '身份证号', '性别', '出生日期', '户籍', '电话', '类别', '床位', '入住日期', '照护等级'],
    Array.from({ length: ROWS }, (_, i) => {
      const dob = `19${30 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`;
      return [
        `老人${i}`,
        idNumber(dob, i % 1000),
        '',
        dob,
        '河南省平顶山市宝丰县',
        '13803751234',
        CATEGORIES[i % 4],
        code(i),
        '2026-01-01',
        LEVELS[i % 3],
      ];
    }),
  );
  const preview = await upload(stack.base, facility.id, token, 'RESIDENTS', residents, false);
  const commit = await upload(stack.base, facility.id, token, 'RESIDENTS', residents, true);
  if (commit.body.counts.residents !== ROWS || commit.body.counts.admissions !== ROWS)
    throw new Error(`counts ${JSON.stringify(commit.body.counts)}`);

  const rowsPerSecond = Math.round((ROWS * 1000) / commit.ms);
  console.log(
    JSON.stringify(
      {
        rows: ROWS,
        fileBytes: residents.length,
        bedsCommitMs: Math.round(bedsCommit.ms),
        previewMs: Math.round(preview.ms),
        commitMs: Math.round(commit.ms),
        rowsPerSecond,
        goalMs: GOAL_MS,
        ratioToGoal: +(commit.ms / GOAL_MS).toFixed(3),
      },
      null,
      2,
    ),
  );
  const met = commit.ms <= GOAL_MS;
  console.log(
    `${met ? 'MET   ' : 'NOT MET'} the ${ROWS}-row residents file committed ≤ 10 s: ${(commit.ms / 1000).toFixed(2)} s, ${rowsPerSecond} rows/s, ${((commit.ms / GOAL_MS) * 100).toFixed(1)} % of the goal`,
  );
  if (!met) process.exitCode = 1;
} finally {
  await stack.stop();
}
