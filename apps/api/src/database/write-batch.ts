import { EntityManager } from 'typeorm';
import { sqlDateTime } from '../common/raw-date';

/**
 * The writes of one step, queued and then sent together in the caller's transaction: on MySQL one
 * multi-statement round trip (the pool allows them, data-source-options.ts), on SQLite (in-process)
 * one statement after another. A step's writes depend on nothing read back from each other but
 * new ids, which later statements of the same batch take as parameters (`NewId`). Reads go
 * through `manager` at once, as before; nothing queued is visible to them until `run`.
 *
 * Statement text is ours (tables, columns, `?` placeholders), never input, and holds no `?` of its
 * own: every value is a parameter.
 */
export class WriteBatch {
  private readonly statements: Statement[] = [];
  private nextId = 0;

  constructor(readonly manager: EntityManager) {}

  /** One row; its id once the batch has run. */
  insert(table: string, row: Record<string, unknown>): NewId {
    const id = new NewId(`@gl_new_${this.nextId++}`);
    this.statements.push({ ...insertStatement(table, [row]), newId: id });
    return id;
  }

  /** Rows with the same columns, in one statement. */
  insertMany(table: string, rows: readonly Record<string, unknown>[]): void {
    if (rows.length > 0) this.statements.push(insertStatement(table, rows));
  }

  /** An UPDATE or DELETE; `check` sees the rows it changed and may throw (the transaction then rolls back). */
  execute(sql: string, params: readonly unknown[], check?: (affected: number) => void): void {
    this.statements.push({ sql, params: params.map(sqlValue), check });
  }

  /** Sends what is queued; new ids are known and checks have passed when it resolves. */
  async run(): Promise<void> {
    const statements = this.statements.splice(0);
    if (statements.length === 0) return;
    const affected = isMysql(this.manager) ? await runTogether(this.manager, statements) : await runInTurn(this.manager, statements);
    statements.forEach((statement, i) => statement.check?.(affected[i]!));
  }
}

/** A row's id, known once its batch has run; pass it as a parameter to later statements of the batch. */
export class NewId {
  private known: number | null = null;

  constructor(readonly variable: string) {}

  get value(): number {
    if (this.known === null) throw new Error('the batch with this insert has not run');
    return this.known;
  }

  set(value: number): void {
    this.known = value;
  }

  get isKnown(): boolean {
    return this.known !== null;
  }
}

interface Statement {
  sql: string;
  params: unknown[];
  newId?: NewId;
  check?: (affected: number) => void;
}

function insertStatement(table: string, rows: readonly Record<string, unknown>[]): Statement {
  const columns = Object.keys(rows[0]!);
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return {
    sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`,
    params: rows.flatMap((row) => columns.map((c) => sqlValue(row[c]))),
  };
}

function sqlValue(value: unknown): unknown {
  return value instanceof Date ? sqlDateTime(value) : typeof value === 'boolean' ? Number(value) : value;
}

function isMysql(manager: EntityManager): boolean {
  const type = manager.connection.options.type;
  return type === 'mysql' || type === 'mariadb';
}

/** SQLite: each statement in turn, a new id replaced by its value (its insert has run by then). */
async function runInTurn(manager: EntityManager, statements: readonly Statement[]): Promise<number[]> {
  // The transaction's runner, whose structured answer has the changed rows (the manager's has not).
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const affected: number[] = [];
    for (const statement of statements) {
      const params = statement.params.map((p) => (p instanceof NewId ? p.value : p));
      const result = await runner.query(statement.sql, params, true);
      if (statement.newId) statement.newId.set(Number(result.raw));
      affected.push(result.affected ?? 0);
    }
    return affected;
  } finally {
    if (runner !== manager.queryRunner) await runner.release();
  }
}

/**
 * MySQL: one round trip. A new id that later statements use is kept in a session variable right
 * after its insert (`SET @gl_new_0 = LAST_INSERT_ID()`), and those statements name the variable in
 * place of its `?`. The server stops at the first failing statement; the error rejects the query.
 */
async function runTogether(manager: EntityManager, statements: readonly Statement[]): Promise<number[]> {
  const used = new Set(statements.flatMap((s) => s.params.filter((p): p is NewId => p instanceof NewId)));
  const parts: string[] = [];
  const params: unknown[] = [];
  const resultOf: number[] = []; // statement i's result is at resultOf[i]
  for (const statement of statements) {
    let n = 0;
    parts.push(
      statement.sql.replace(/\?/g, () => {
        const param = statement.params[n++];
        if (param instanceof NewId) return param.isKnown ? String(param.value) : param.variable;
        params.push(param);
        return '?';
      }),
    );
    resultOf.push(parts.length - 1);
    if (statement.newId && used.has(statement.newId)) parts.push(`SET ${statement.newId.variable} = LAST_INSERT_ID()`);
  }
  const raw: unknown = await manager.query(parts.join(';\n'), params);
  // One statement answers its header; several an array of them.
  const headers = (parts.length === 1 ? [raw] : raw) as { insertId: number; affectedRows: number }[];
  statements.forEach((statement, i) => statement.newId?.set(Number(headers[resultOf[i]!]!.insertId)));
  return statements.map((_, i) => headers[resultOf[i]!]!.affectedRows);
}
