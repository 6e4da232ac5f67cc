import { ControlInputError } from './control-input-error';

/**
 * How the next call(s) to a WeChat path should misbehave. Exactly what is given applies:
 * - errcode (errmsg optional): HTTP 200 with that WeChat error body, WeChat's usual way to fail;
 * - httpStatus: that status with `body` (default empty) as text/plain, like a gateway error page;
 * - dropConnection: the socket is destroyed without any response;
 * - delayMs: wait first; alone, the call then answers normally (for timeout tests).
 */
export interface FaultSpec {
  path: string;
  errcode?: number;
  errmsg?: string;
  httpStatus?: number;
  body?: string;
  dropConnection?: boolean;
  delayMs?: number;
  /** How many calls this applies to; default 1. */
  times?: number;
}

interface QueuedFault {
  spec: FaultSpec;
  remaining: number;
}

const MAX_DELAY_MS = 120_000;

/** Faults queued per path, used first-in first-out, each for its number of calls. */
export class FaultQueue {
  private readonly queued: QueuedFault[] = [];

  constructor(private readonly knownPaths: ReadonlySet<string>) {}

  add(spec: FaultSpec): void {
    this.queued.push({ spec: { ...validated(spec, this.knownPaths) }, remaining: spec.times ?? 1 });
  }

  /** The fault for this call to `path`, counting it down; undefined when the call should run normally. */
  take(path: string): FaultSpec | undefined {
    const index = this.queued.findIndex((fault) => fault.spec.path === path);
    const fault = this.queued[index];
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.queued.splice(index, 1);
    return fault.spec;
  }

  /** Faults still waiting, with `times` showing the calls each still applies to. */
  pending(): FaultSpec[] {
    return this.queued.map((fault) => ({ ...fault.spec, times: fault.remaining }));
  }

  clear(): void {
    this.queued.length = 0;
  }
}

function validated(spec: FaultSpec, knownPaths: ReadonlySet<string>): FaultSpec {
  if (!knownPaths.has(spec.path)) {
    throw new ControlInputError(`path must be one of the faked WeChat paths: ${[...knownPaths].join(', ')}`);
  }
  const times = spec.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw new ControlInputError('times must be a positive integer');
  if (spec.errcode !== undefined && !Number.isInteger(spec.errcode)) {
    throw new ControlInputError('errcode must be an integer');
  }
  const status = spec.httpStatus;
  if (status !== undefined && (!Number.isInteger(status) || status < 100 || status > 599)) {
    throw new ControlInputError('httpStatus must be an HTTP status code');
  }
  const delay = spec.delayMs;
  if (delay !== undefined && (!Number.isFinite(delay) || delay < 0 || delay > MAX_DELAY_MS)) {
    throw new ControlInputError(`delayMs must be from 0 to ${MAX_DELAY_MS}`);
  }
  const outcomes = [spec.errcode !== undefined, spec.httpStatus !== undefined, spec.dropConnection === true];
  if (outcomes.filter(Boolean).length > 1) {
    throw new ControlInputError('give at most one of errcode, httpStatus, dropConnection');
  }
  if (!outcomes.some(Boolean) && spec.delayMs === undefined) {
    throw new ControlInputError('a fault needs errcode, httpStatus, dropConnection or delayMs');
  }
  return spec;
}
