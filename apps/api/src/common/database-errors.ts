/**
 * Errors that mean "the database is not there right now" rather than "this query is wrong":
 * those become 503 DATABASE_UNAVAILABLE, and the pool reconnects by itself when it returns.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  // TypeORM wraps driver errors (QueryFailedError.driverError); look through the chain.
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; errno?: unknown; fatal?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (e.fatal === true) return true;
    if (
      typeof e.message === 'string' &&
      /Pool is closed|Connection lost|connect ETIMEDOUT|Can't add new command when connection is in closed state/i.test(e.message)
    )
      return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}

/**
 * Errors that mean "the database will not store this value": input that got past validation
 * (a rule missing from a DTO) yet does not fit its column. They are the client's to fix, so they
 * become 400 VALIDATION_FAILED on that column rather than a 500; the transaction has rolled back.
 */
const REJECTED_VALUE_CODES: Record<string, string> = {
  ER_DATA_TOO_LONG: '太长了',
  ER_WARN_DATA_OUT_OF_RANGE: '超出了范围',
  ER_DATA_OUT_OF_RANGE: '超出了范围',
  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: '包含无法识别的字符',
  ER_TRUNCATED_WRONG_VALUE: '格式不对',
};

export function valueRejectedByDatabase(error: unknown): { field: string; problem: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    const problem = typeof e.code === 'string' ? REJECTED_VALUE_CODES[e.code] : undefined;
    if (problem) {
      // "… for column 'addressNote' at row 1" (MySQL) or "… for column `db`.`request`.`addressNote` at row 1" (MariaDB)
      const column = /for column (.+?) at row/
        .exec(String(e.message ?? ''))?.[1]
        ?.split('.')
        .pop()
        ?.replace(/[`'"]/g, '');
      return { field: column || 'body', problem };
    }
    current = e.driverError ?? e.cause;
  }
  return undefined;
}
