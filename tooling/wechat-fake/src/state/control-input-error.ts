/** A control-surface call with bad input: thrown in-process, answered as HTTP 400 over /__fake/. */
export class ControlInputError extends Error {
  override readonly name = 'ControlInputError';
}
