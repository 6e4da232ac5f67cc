import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RequestFollower } from '../../src/requests/request-follower.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { call } from '../support/http';
import { fetchPhoto, pngImage, uploadPhoto } from '../support/images';
import { addVillager, demoToken, personWithRole } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

const GRID = 'SG-TT-V03-L1-S01';
const LAMP = '村东头十字路口的路灯坏了三天，晚上看不见路';

/**
 * Finding 5 (issue #14): the duplicate list offered a confidential (保密) matter, its text and
 * all, to a grid leader; after he merged another villager's matter into it, that villager read the
 * confidential matter and its photos. A confidential matter is never offered as a duplicate (nor
 * offered others), never gains followers, and a merge involving one is refused.
 */
describe(`a confidential matter is never merged or followed (${testDialect()})`, () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  let ds: DataSource;
  let gridId: number;
  let leader: string;
  let secret: { id: number; version: number; photoUrl: string };
  let secretOwner: string;
  let other: { id: number; version: number };
  let otherOwner: string;
  let otherOwnerId: number;

  const api = (method: string, path: string, token: string, body?: unknown) => call(under.api.baseUrl, method, path, { token, body });
  const clientRequestId = () => randomBytes(12).toString('hex');

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    ds = under.api.app.get(DataSource);
    const seeded = await personWithRole(ds, 'grid_leader', GRID);
    gridId = seeded.unitId;
    leader = await demoToken(under.api.baseUrl, seeded.personId);
    secretOwner = await demoToken(under.api.baseUrl, await addVillager(ds, { name: '保密村民', phone: '13700051001' }, gridId));
    otherOwnerId = await addVillager(ds, { name: '另一村民', phone: '13700051002' }, gridId);
    otherOwner = await demoToken(under.api.baseUrl, otherOwnerId);

    const photo = await uploadPhoto(under.api.baseUrl, secretOwner, pngImage(8, 8), { filename: 'a.png', type: 'image/png' });
    expect(photo.status).toBe(201);
    const filed = await api('POST', '/api/requests', secretOwner, {
      clientRequestId: clientRequestId(),
      category: 'infrastructure',
      description: LAMP,
      confidential: true,
      photoIds: [photo.body.id],
    });
    expect(filed.status).toBe(201);
    secret = { id: filed.body.id, version: filed.body.version, photoUrl: filed.body.timeline[0].photos[0].url };
    const second = await api('POST', '/api/requests', otherOwner, { clientRequestId: clientRequestId(), category: 'infrastructure', description: `${LAMP}了` });
    other = { id: second.body.id, version: second.body.version };
  });

  it('offers neither as a duplicate of the other, and does not offer merge on the confidential one', async () => {
    const ofOther = await api('GET', `/api/requests/${other.id}/duplicates`, leader);
    expect(ofOther.status).toBe(200);
    expect(ofOther.body.map((d: { id: number }) => d.id)).not.toContain(secret.id);
    expect(JSON.stringify(ofOther.body)).not.toContain('三天');
    const ofSecret = await api('GET', `/api/requests/${secret.id}/duplicates`, leader);
    expect(ofSecret).toMatchObject({ status: 200, body: [] });
    expect((await api('GET', `/api/requests/${secret.id}`, leader)).body.actions).not.toContain('merge');
  });

  it('refuses merging another matter into it (the attack) and it into another, with a clear code; the villager still cannot read it', async () => {
    const into = await api('POST', `/api/requests/${other.id}/actions/merge`, leader, { version: other.version, targetRequestId: secret.id });
    expect(into).toMatchObject({ status: 409, body: { code: 'REQUEST_CONFIDENTIAL', field: 'targetRequestId' } });
    expect(into.body.message).toMatch(/保密/);
    const outOf = await api('POST', `/api/requests/${secret.id}/actions/merge`, leader, { version: secret.version, targetRequestId: other.id });
    expect(outOf).toMatchObject({ status: 409, body: { code: 'REQUEST_CONFIDENTIAL', field: 'requestId' } });

    expect(await ds.getRepository(RequestFollower).countBy({ requestId: secret.id })).toBe(0);
    expect((await api('GET', `/api/requests/${other.id}`, otherOwner)).body.state).toBe('submitted');
    expect((await api('GET', `/api/requests/${secret.id}`, otherOwner)).status).toBe(404);
    expect((await fetchPhoto(under.api.baseUrl, otherOwner, secret.photoUrl)).status).toBe(404);
  });

  it('a follower left on a confidential matter by the old merge (a row from then) sees nothing of it', async () => {
    await ds.getRepository(RequestFollower).insert({ requestId: secret.id, personId: otherOwnerId, fromRequestId: other.id, createdAt: new Date() });
    expect((await api('GET', `/api/requests/${secret.id}`, otherOwner)).status).toBe(404);
    expect((await fetchPhoto(under.api.baseUrl, otherOwner, secret.photoUrl)).status).toBe(404);
    const mine = await api('GET', '/api/requests/mine', otherOwner);
    expect(mine.body.map((r: { id: number }) => r.id)).not.toContain(secret.id);
    // Its requester still reads it, photo and all.
    expect((await api('GET', `/api/requests/${secret.id}`, secretOwner)).status).toBe(200);
    expect((await fetchPhoto(under.api.baseUrl, secretOwner, secret.photoUrl)).status).toBe(200);
  });
});
