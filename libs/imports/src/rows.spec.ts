import { idNumberCheckChar } from '@careops/care';
import { checkBeds, checkResidents, checkStaff, fteHundredths, parseDate } from './rows';
import type { SheetRow } from './sheets';

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const sheet = (rows: Record<string, string>[]): SheetRow[] => rows.map((cells, i) => ({ row: i + 2, cells }));

describe('what people type in a spreadsheet', () => {
  it.each([
    ['2026-03-15', '2026-03-15'],
    ['2026/3/5', '2026-03-05'],
    ['2026.03.05', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2026-02-29', null],
    ['2026-13-01', null],
    ['15/03/2026', null],
    ['', null],
  ])('the date %s reads as %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each([
    ['1', 100],
    ['0.5', 50],
    ['0.75', 75],
    ['0.01', 1],
    ['1.00', 100],
    ['0', null],
    ['1.5', null],
    ['0.125', null],
    ['半职', null],
  ])('FTE %s is %s hundredths (no floating point)', (text, n) => expect(fteHundredths(text)).toBe(n));
});

describe('rows checked before the database is asked (docs/rules.md §3, §4, §6)', () => {
  it('a resident: birth date and gender from the ID (GB 11643: 17th digit odd = male), categories by their labels', () => {
    const male = id('41042119400101001'); // 17th digit 1: male
    const { rows, errors } = checkResidents(sheet([{ 姓名: '王德胜', 身份证号: male, 类别: '特困、独居/空巢，高龄' }]));
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ dateOfBirth: '1940-01-01', gender: 'M', categories: ['TEKUN', 'LIVING_ALONE', 'ADVANCED_AGE'] });
  });

  it('every problem of a row is reported, each with its column', () => {
    const good = id('41042119400101002');
    const { rows, errors } = checkResidents(
      sheet([
        { 姓名: '', 身份证号: good, 性别: '男', 床位: 'A-1' },
        { 姓名: '李桂兰', 身份证号: good, 照护等级: '半失能', 入住日期: '2026-03-01', 床位: 'A-1' },
      ]),
    );
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: '姓名', message: '姓名不能为空' },
      { row: 2, column: '入住日期', message: '填写了床位，须同时填写入住日期' },
      { row: 3, column: '身份证号', message: '身份证号与第2行重复' },
      { row: 3, column: '床位', message: '床位「A-1」已分配给第2行的老人' },
    ]);
  });

  it('beds: floor an integer, kind 护理型 or 普通, codes unique in the file', () => {
    const { rows, errors } = checkBeds(
      sheet([
        { 楼栋: '1号楼', 楼层: '-1', 房间: 'B01', 床位号: 'B-1', 类型: '普通' },
        { 楼栋: '1号楼', 楼层: '-6', 房间: 'B01', 床位号: 'B-2', 类型: '护理型' },
      ]),
    );
    expect(rows).toEqual([{ row: 2, building: '1号楼', floor: -1, room: 'B01', code: 'B-1', kind: 'GENERAL' }]);
    expect(errors).toEqual([{ row: 3, column: '楼层', message: '楼层「-6」应为 -5 到 200 之间的整数' }]);
  });

  it('staff: a certificate expiring on its issue date is refused', () => {
    const { errors } = checkStaff(
      sheet([
        {
          姓名: '张丽',
          岗位: '护理员',
          入职日期: '2025-03-01',
          折算全职: '1',
          证书类型: '证',
          证书编号: '1',
          发证日期: '2025-06-01',
          到期日期: '2025-06-01',
        },
      ]),
    );
    expect(errors).toEqual([{ row: 2, column: '到期日期', message: '到期日期须晚于发证日期' }]);
  });
});
