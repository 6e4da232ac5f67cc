import { isBlankText, isMainlandMobile, normalisePhone } from '@gridloop/domain';
import { PERSON_NAME_MAX, ROSTER_COLUMNS, RosterColumn, RosterRow, UNIT_NAME_MAX } from './roster-format';

/** A problem in one cell, in words the town office can act on. */
export interface RosterRowError {
  row: number;
  column: RosterColumn;
  message: string;
}

export interface RosterPerson {
  name: string;
  /** Digits only, `1[3-9]` and 9 more. */
  phone: string;
}

/** A row that passed every check: names trimmed, phones normalised. */
export interface CleanRosterRow {
  row: number;
  village: string;
  largeGrid: string;
  smallGrid: string;
  leader: RosterPerson;
  deputy: RosterPerson | null;
}

/** Length as a person counts it: characters, not UTF-16 units. */
function charCount(text: string): number {
  return [...text].length;
}

/** A cell value quoted in a message, cut short so one odd cell cannot flood the list. */
function quote(text: string): string {
  const chars = [...text];
  return `“${chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text}”`;
}

function cell(row: number, column: RosterColumn): string {
  return `第${row}行“${column}”`;
}

/**
 * Checks every row of a roster before anything is written. Rows are added in sheet order, so a
 * row that clashes with an earlier one is the one reported, naming the earlier row.
 *
 * `townName` is the chosen town; `largeGridVillages` maps each large grid name already in that
 * town to the villages it sits under, so a file cannot put a known large grid under another village
 * (an exported roster must stay importable: a large grid name means one place in a town).
 * `outsidePhones` are phones of people outside the importer's span (TownRosterRepository
 * .phonesOutside): a row naming one is wrong, since the import would rename or move someone the
 * importer does not keep.
 */
export class RosterValidator {
  private readonly errors: RosterRowError[] = [];
  private readonly clean: CleanRosterRow[] = [];
  private readonly grids = new Map<string, number>();
  private readonly phoneNames = new Map<string, { name: string; row: number }>();
  private readonly largeGridVillage = new Map<string, { village: string; row: number }>();

  constructor(
    private readonly townName: string,
    private readonly largeGridVillages: ReadonlyMap<string, readonly string[]>,
    private readonly outsidePhones: ReadonlySet<string>,
  ) {}

  get errorCount(): number {
    return this.errors.length;
  }

  add(input: RosterRow): void {
    const errorsBefore = this.errors.length;
    const r = input.row;
    this.required(input, ['镇', '村', '大网格', '小网格', '巷长姓名', '巷长手机号']);
    if (input.town && input.town !== this.townName) {
      this.fail(r, '镇', `${cell(r, '镇')}填的是${quote(input.town)}，但导入的是${quote(this.townName)}`);
    }
    this.unitName(r, '村', input.village);
    this.unitName(r, '大网格', input.largeGrid);
    this.unitName(r, '小网格', input.smallGrid);

    const leader = this.person(r, input.leaderName, input.leaderPhone, '巷长姓名', '巷长手机号');
    let deputy: RosterPerson | null = null;
    if (input.deputyName || input.deputyPhone) {
      if (!input.deputyName) this.fail(r, '副巷长姓名', `${cell(r, '副巷长姓名')}不能为空：填了副巷长手机号，也要填姓名`);
      if (!input.deputyPhone) this.fail(r, '副巷长手机号', `${cell(r, '副巷长手机号')}不能为空：填了副巷长姓名，也要填手机号`);
      deputy = this.person(r, input.deputyName, input.deputyPhone, '副巷长姓名', '副巷长手机号');
    }
    if (leader && deputy && leader.phone === deputy.phone) {
      this.fail(r, '副巷长手机号', `${cell(r, '副巷长手机号')}与巷长是同一个手机号，副巷长应是另一个人`);
    }

    if (input.village && input.largeGrid && input.smallGrid) {
      const key = JSON.stringify([input.village, input.largeGrid, input.smallGrid]);
      const first = this.grids.get(key);
      if (first === undefined) this.grids.set(key, r);
      else
        this.fail(
          r,
          '小网格',
          `${cell(r, '小网格')}与第${first}行是同一个小网格（${input.village}/${input.largeGrid}/${input.smallGrid}），每个小网格只能有一行`,
        );
      this.largeGridPlace(r, input.village, input.largeGrid);
    }

    if (this.errors.length === errorsBefore && leader) {
      this.clean.push({ row: r, village: input.village, largeGrid: input.largeGrid, smallGrid: input.smallGrid, leader, deputy });
    }
  }

  /** Every error in sheet order (row, then column), and the clean rows when there were none. */
  result(): { errors: RosterRowError[]; rows: CleanRosterRow[] } {
    const errors = [...this.errors].sort((a, b) => a.row - b.row || ROSTER_COLUMNS.indexOf(a.column) - ROSTER_COLUMNS.indexOf(b.column));
    return { errors, rows: errors.length === 0 ? this.clean : [] };
  }

  private required(input: RosterRow, columns: RosterColumn[]): void {
    const values: Record<RosterColumn, string> = {
      镇: input.town,
      村: input.village,
      大网格: input.largeGrid,
      小网格: input.smallGrid,
      巷长姓名: input.leaderName,
      巷长手机号: input.leaderPhone,
      副巷长姓名: input.deputyName,
      副巷长手机号: input.deputyPhone,
    };
    for (const column of columns) {
      if (isBlankText(values[column])) this.fail(input.row, column, `${cell(input.row, column)}不能为空`);
    }
  }

  private unitName(row: number, column: RosterColumn, name: string): void {
    if (charCount(name) > UNIT_NAME_MAX) this.fail(row, column, `${cell(row, column)}太长了，最多${UNIT_NAME_MAX}个字`);
  }

  /** Name and phone of a leader or deputy; null when either is missing or wrong. */
  private person(row: number, name: string, phoneText: string, nameColumn: RosterColumn, phoneColumn: RosterColumn): RosterPerson | null {
    let ok = Boolean(name && phoneText);
    if (charCount(name) > PERSON_NAME_MAX) {
      this.fail(row, nameColumn, `${cell(row, nameColumn)}太长了，姓名最多${PERSON_NAME_MAX}个字`);
      ok = false;
    }
    const phone = normalisePhone(phoneText);
    if (phoneText && !isMainlandMobile(phone)) {
      this.fail(row, phoneColumn, `${cell(row, phoneColumn)}不是有效的手机号：${quote(phoneText)}（应为11位，以13-19开头）`);
      ok = false;
    }
    if (!ok) return null;
    if (this.outsidePhones.has(phone)) {
      // Neither the name nor the place of that person is told: only that the import may not touch them.
      this.fail(row, phoneColumn, `${cell(row, phoneColumn)}：手机号${phone}登记的是本镇以外的人员，导入不能修改其姓名或职务；跨镇调整人员请联系县级管理员`);
      return null;
    }
    const known = this.phoneNames.get(phone);
    if (!known) {
      this.phoneNames.set(phone, { name, row });
    } else if (known.name !== name) {
      this.fail(
        row,
        phoneColumn,
        `${cell(row, phoneColumn)}：手机号${phone}在第${known.row}行登记的姓名是${quote(known.name)}，这里是${quote(name)}；同一个手机号只能是同一个人`,
      );
      return null;
    }
    return { name, phone };
  }

  /**
   * A large grid name means one place in a town. One the town already has must stay under its
   * village (every row that says otherwise is wrong); a new one must sit under the same village on
   * every row (rows after the first that disagree are wrong).
   */
  private largeGridPlace(row: number, village: string, largeGrid: string): void {
    const known = this.largeGridVillages.get(largeGrid);
    if (known) {
      if (!known.includes(village)) {
        this.fail(
          row,
          '大网格',
          `${cell(row, '大网格')}：${quote(largeGrid)}在系统里属于${quote(known[0] ?? '')}，这里填在${quote(village)}下；一个大网格只能属于一个村`,
        );
      }
      return;
    }
    const first = this.largeGridVillage.get(largeGrid);
    if (!first) this.largeGridVillage.set(largeGrid, { village, row });
    else if (first.village !== village) {
      this.fail(
        row,
        '大网格',
        `${cell(row, '大网格')}：${quote(largeGrid)}在第${first.row}行属于${quote(first.village)}，这里填在${quote(village)}下；一个大网格只能属于一个村`,
      );
    }
  }

  private fail(row: number, column: RosterColumn, message: string): void {
    this.errors.push({ row, column, message });
  }
}
