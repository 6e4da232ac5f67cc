/**
 * Work the API does on its own, not asked by anyone: run by JobScheduler every
 * CLOCK_SWEEP_SECONDS in every API instance. `run` does everything due at `now` (catching up
 * after downtime) and must be safe when several instances run it at the same moment: each job
 * says how it claims its work in the database, so each piece is done once.
 */
export interface ScheduledJob<Result> {
  run(now: Date): Promise<Result>;
}
