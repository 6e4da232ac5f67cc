import { expect } from '@jest/globals';
import { DataSource } from 'typeorm';
import type { ManualClock } from '../../src/common/clock';
import { call } from './http';
import { addVillager, demoToken, personWithRole, type SeededPerson } from './people';
import type { AppUnderTest } from './test-app';

export interface AcceptedMatter {
  /** The grid leader handling it. */
  leader: SeededPerson;
  /** Hotline staff of the town: the approver of the office practices' asks. */
  hotline: SeededPerson;
  requestId: number;
  completionDueAt: Date;
}

/**
 * A villager of a grid leader's grid raises `text` at the clock's time; her leader accepts it as a
 * simple matter, by phone, at `acceptAt` (the clock is left there). Over the API, for browser tests
 * that begin with a matter being worked on.
 */
export async function acceptedMatter(
  under: AppUnderTest,
  clock: ManualClock,
  matter: { villager: { name: string; phone: string }; text: string; clientRequestId: string; acceptAt: Date },
): Promise<AcceptedMatter> {
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });
  const dataSource = under.api.app.get(DataSource);
  const leader = await personWithRole(dataSource, 'grid_leader');
  const hotline = await personWithRole(dataSource, 'hotline_staff');
  const villagerId = await addVillager(dataSource, matter.villager, leader.unitId);
  const submitted = await api('POST', '/api/requests', await demoToken(under.api.baseUrl, villagerId), {
    clientRequestId: matter.clientRequestId,
    category: 'infrastructure',
    description: matter.text,
  });
  expect(submitted.status).toBe(201);
  const requestId = submitted.body.id as number;
  clock.set(matter.acceptAt);
  const accepted = await api('POST', `/api/requests/${requestId}/actions/accept`, await demoToken(under.api.baseUrl, leader.personId), {
    version: submitted.body.version,
    contactMethod: 'call',
    complexity: 'simple',
  });
  expect(accepted.status).toBe(200);
  return { leader, hotline, requestId, completionDueAt: new Date(accepted.body.completionDueAt) };
}
