import { CellValue, Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { RosterImport } from '../../src/roster/roster-import.entity';
import { call } from './http';

export const ROSTER_HEADER = ['镇', '村', '大网格', '小网格', '巷长姓名', '巷长手机号', '副巷长姓名', '副巷长手机号'];
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet row as a town office might type it: text, or numbers for phones. */
export type SheetRow = (string | number | null)[];

/** An .xlsx with one sheet: `header` then `rows`, exactly as given. */
export async function rosterXlsx(rows: readonly SheetRow[], header: readonly string[] = ROSTER_HEADER): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every row of the first sheet (header included) as the texts of its first eight cells. */
export async function readXlsx(buffer: ArrayBuffer): Promise<string[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: 8 }, (_, i) => text(row.getCell(i + 1).value))));
  return rows;
}

function text(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** POST /api/roster/imports as a browser would send it (multipart/form-data). */
export async function uploadRoster(
  baseUrl: string,
  token: string | undefined,
  townId: number | string,
  file: Buffer | null,
  fileName = '花名册.xlsx',
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.set('townId', String(townId));
  if (file) form.set('file', new Blob([new Uint8Array(file)], { type: XLSX }), fileName);
  const res = await fetch(`${baseUrl}/api/roster/imports`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  const body = await res.text();
  return { status: res.status, body: body ? JSON.parse(body) : null };
}

export interface ExportedRoster {
  status: number;
  headers: Headers;
  rows: string[][];
  body: any;
}

/** GET /api/roster/export: the workbook's rows when it is one, the JSON error otherwise. */
export async function exportRoster(baseUrl: string, token: string | undefined, townId: number): Promise<ExportedRoster> {
  const res = await fetch(`${baseUrl}/api/roster/export?townId=${townId}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (res.headers.get('content-type')?.startsWith(XLSX)) {
    return { status: res.status, headers: res.headers, rows: await readXlsx(await res.arrayBuffer()), body: null };
  }
  return { status: res.status, headers: res.headers, rows: [], body: await res.json() };
}

/** Polls getRosterImport until the job has finished; returns every job state seen, the last one finished. */
export async function waitForImport(baseUrl: string, token: string, importId: number, timeoutMs = 30_000): Promise<any[]> {
  const seen: any[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await call(baseUrl, 'GET', `/api/roster/imports/${importId}`, { token });
    if (res.status !== 200) throw new Error(`getRosterImport ${importId}: ${res.status} ${JSON.stringify(res.body)}`);
    seen.push(res.body);
    if (['done', 'rejected', 'failed'].includes(res.body.state)) return seen;
    if (Date.now() > deadline) throw new Error(`import ${importId} still ${res.body.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Row counts of the tables an import may write, and the newest ids (to see that nothing was added). */
export async function rosterTables(dataSource: DataSource): Promise<Record<string, number>> {
  const [row] = await dataSource.query(
    `SELECT (SELECT COUNT(*) FROM org_unit) AS units, (SELECT COUNT(*) FROM person) AS people,
            (SELECT COUNT(*) FROM role_assignment) AS assignments,
            (SELECT COUNT(*) FROM role_assignment WHERE endedAt IS NOT NULL) AS ended,
            (SELECT MAX(id) FROM role_assignment) AS lastAssignment`,
  );
  return Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, Number(v)]));
}

/**
 * A one-row roster that passes the upload checks (so importRoster answers 202) and is then
 * rejected, writing nothing: its 镇 never matches a town. For access tests.
 */
export function harmlessRosterXlsx(): Promise<Buffer> {
  return rosterXlsx([['（不存在的镇）', '某村', '某村大网格', '某村第1网格', '王一', '13900009999', '', '']]);
}

/** A finished (rejected) import job of `townId`, written directly: something for getRosterImport to read. */
export async function insertFinishedImport(dataSource: DataSource, townId: number, requestedByPersonId: number): Promise<number> {
  const now = new Date();
  const inserted = await dataSource.getRepository(RosterImport).insert({
    townId,
    requestedByPersonId,
    fileName: 'fixture.xlsx',
    state: 'rejected',
    total: 1,
    processed: 1,
    errorCount: 0,
    errors: [],
    summary: null,
    message: null,
    stateChangedAt: now,
    finishedAt: now,
  });
  return Number(inserted.identifiers[0]!.id);
}
