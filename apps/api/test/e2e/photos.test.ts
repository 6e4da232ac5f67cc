import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeWechat } from '@gridloop/wechat-fake';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { DataSource, IsNull } from 'typeorm';
import { loadAppConfig, type WechatConfig } from '../../src/config/app-config';
import { Photo } from '../../src/photos/photo.entity';
import { VoiceNote } from '../../src/voice-notes/voice-note.entity';
import { SweepUnusedUploadsJob } from '../../src/jobs/sweep-unused-uploads.job';
import { RequestEntity } from '../../src/requests/request.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { startFakeWechat } from '../support/fake-wechat';
import { call } from '../support/http';
import { fetchPhoto, JPEG_1X1, pngImage, uploadPhoto, WEBP_ALPHA_1X1, WEBP_LOSSLESS_1X1, WEBP_LOSSY_1X1 } from '../support/images';
import { demoToken, personWithRole } from '../support/people';
import { MP3_NOTE, uploadVoiceNote } from '../support/voice-notes';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';

/** Photos are checked by content, kept behind the request's own visibility, and attached all-or-nothing. */
const MAX_BYTES = 64 * 1024;
/** Uploads a person may have waiting; small here so the test reaches it. */
const PENDING_MAX = 12;

describe(`photos and the content check (${testDialect()})`, () => {
  let fake: FakeWechat;
  let wechat: WechatConfig;
  const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-photo-test-'));
  beforeAll(async () => {
    ({ fake, wechat } = await startFakeWechat());
  });
  afterAll(async () => {
    await fake?.close();
    fs.rmSync(photoDir, { recursive: true, force: true });
  });
  const under = useAppUnderTest(() => ({
    wechat,
    demoLogin: true,
    photos: { dir: photoDir, maxBytes: MAX_BYTES, voiceMaxBytes: MAX_BYTES, unattachedKeepDays: 7, unattachedMax: PENDING_MAX },
    auth: { ...loadAppConfig({}).auth, loginRateLimitPerMinute: 10_000 },
  }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });
  const upload = (token: string, content: Buffer, claimed?: Parameters<typeof uploadPhoto>[3]) => uploadPhoto(under.api.baseUrl, token, content, claimed);
  const get = (token: string | undefined, url: string) => fetchPhoto(under.api.baseUrl, token, url);
  const clientId = () => randomBytes(12).toString('hex');
  const ds = () => under.api.app.get(DataSource);
  const filesOnDisk = () => (fs.readdirSync(photoDir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(photoDir, f)).isFile());
  const mscCalls = () => fake.calls()['/wxa/msg_sec_check'] ?? 0;

  let grid: { unitId: number; leaderToken: string; headToken: string; otherLeaderToken: string };

  beforeAll(async () => {
    const leader = await personWithRole(ds(), 'grid_leader', 'SG-TT-V02-L1-S01');
    const base = under.api.baseUrl;
    grid = {
      unitId: leader.unitId,
      leaderToken: await demoToken(base, leader.personId),
      headToken: await demoToken(base, (await personWithRole(ds(), 'large_grid_head', 'SG-TT-V02-L1')).personId),
      otherLeaderToken: await demoToken(base, (await personWithRole(ds(), 'grid_leader', 'SG-TT-V01-L1-S01')).personId),
    };
  });

  /** A villager signed in through (fake) WeChat, so with an openid, living in the grid. */
  async function villager(): Promise<string> {
    const session = await call(under.api.baseUrl, 'POST', '/api/auth/wechat-login', { body: { code: fake.issueLoginCode().code } });
    await api('PUT', '/api/me/home-unit', session.body.accessToken, { unitId: grid.unitId });
    return session.body.accessToken;
  }

  async function photoOf(token: string, content: Buffer = pngImage(2, 2)): Promise<number> {
    const res = await upload(token, content, { filename: 'x.png', type: 'image/png' });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  const submitBody = (overrides: Record<string, unknown> = {}) => ({
    clientRequestId: clientId(),
    category: 'other',
    description: '村口的井盖丢了，晚上很危险',
    addressNote: '村口小卖部旁',
    ...overrides,
  });

  it('takes a JPEG, a PNG and WebPs by their content, whatever the name and type claim, and gives them back to the uploader', async () => {
    const token = await villager();
    const cases: [Buffer, string, number, number, { filename: string; type: string }][] = [
      [JPEG_1X1, 'image/jpeg', 1, 1, { filename: '门口.png', type: 'image/png' }],
      [pngImage(3, 2), 'image/png', 3, 2, { filename: 'photo.jpg', type: 'application/octet-stream' }],
      [WEBP_LOSSY_1X1, 'image/webp', 1, 1, { filename: 'a.webp', type: 'image/webp' }],
      [WEBP_LOSSLESS_1X1, 'image/webp', 1, 1, { filename: 'b', type: 'text/plain' }],
      [WEBP_ALPHA_1X1, 'image/webp', 1, 1, { filename: 'c.gif', type: 'image/gif' }],
    ];
    for (const [content, mimeType, width, height, claimed] of cases) {
      const res = await upload(token, content, claimed);
      expect(res).toMatchObject({ status: 201, body: { mimeType, bytes: content.length, width, height, url: `/api/photos/${res.body.id}` } });
      const back = await get(token, res.body.url);
      expect(back.status).toBe(200);
      expect(back.headers.get('content-type')).toBe(mimeType);
      expect(back.headers.get('cache-control')).toMatch(/^private/);
      expect(back.headers.get('x-content-type-options')).toBe('nosniff');
      expect(back.bytes.equals(content)).toBe(true);
    }
    expect(await ds().getRepository(Photo).countBy({ requestId: IsNull() })).toBeGreaterThanOrEqual(cases.length);
  });

  it('keeps no location, time or phone model: a photo that carries them is kept without, upright; a pixel bomb is refused', async () => {
    const token = await villager();
    const phone = { IFD0: { Make: 'GridPhone', Model: 'GP-1', DateTime: '2026:12:01 08:00:00' } };
    const red = { r: 200, g: 30, b: 30 };
    const cases: [Buffer, string, number, number][] = [
      // Stored sideways (40×20) with "turn 90°" in its EXIF, as phones do with portrait photos: kept upright, 20×40.
      [
        await sharp({ create: { width: 40, height: 20, channels: 3, background: red } })
          .jpeg()
          .withExif(phone)
          .withMetadata({ orientation: 6 })
          .toBuffer(),
        'image/jpeg',
        20,
        40,
      ],
      [
        await sharp({ create: { width: 4, height: 3, channels: 3, background: red } })
          .png()
          .withExif(phone)
          .toBuffer(),
        'image/png',
        4,
        3,
      ],
      [
        await sharp({ create: { width: 6, height: 5, channels: 3, background: red } })
          .webp()
          .withExif(phone)
          .toBuffer(),
        'image/webp',
        6,
        5,
      ],
    ];
    for (const [content, mimeType, width, height] of cases) {
      expect(content.includes('GridPhone')).toBe(true); // the upload really carries it
      const res = await upload(token, content, { filename: 'a.jpg', type: 'image/jpeg' });
      expect(res).toMatchObject({ status: 201, body: { mimeType, width, height } });
      const back = await get(token, res.body.url);
      expect(back.bytes.includes('GridPhone')).toBe(false);
      const kept = await sharp(back.bytes).metadata();
      expect({ exif: kept.exif, orientation: kept.orientation ?? 1, width: kept.width, height: kept.height, format: kept.format }).toEqual({
        exif: undefined,
        orientation: 1,
        width,
        height,
        format: mimeType.slice(6),
      });
      expect(res.body.bytes).toBe(back.bytes.length);
      const row = await ds().getRepository(Photo).findOneByOrFail({ id: res.body.id });
      expect(row.sha256).toBe(createHash('sha256').update(back.bytes).digest('hex'));
    }
    // 10,000 × 10,000 in the header of a small file: refused before anything decodes it.
    const bomb = Buffer.from(pngImage(2, 2));
    bomb.writeUInt32BE(10_000, 16);
    bomb.writeUInt32BE(10_000, 20);
    const rowsBefore = await ds().getRepository(Photo).count();
    expect(await upload(token, bomb, { filename: 'a.png', type: 'image/png' })).toMatchObject({
      status: 413,
      body: { code: 'PHOTO_TOO_LARGE', field: 'file' },
    });
    expect(await ds().getRepository(Photo).count()).toBe(rowsBefore);
  });

  it('gives a smaller copy for lists, made on the first look and kept, to the same people; a small photo is its own', async () => {
    const requester = await villager();
    const big = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 40, g: 120, b: 200 } } })
      .png()
      .toBuffer();
    expect(big.length).toBeLessThan(MAX_BYTES);
    const uploaded = await upload(requester, big, { filename: 'a.png', type: 'image/png' });
    expect(uploaded).toMatchObject({ status: 201, body: { width: 1600, height: 1000, previewUrl: `/api/photos/${uploaded.body.id}/preview` } });
    const [id, small] = [uploaded.body.id as number, await photoOf(requester, JPEG_1X1)];
    const submitted = await api('POST', '/api/requests', requester, submitBody({ photoIds: [id, small] }));
    expect(submitted.body.timeline[0].photos).toEqual([id, small].map((n) => ({ id: n, url: `/api/photos/${n}`, previewUrl: `/api/photos/${n}/preview` })));

    const previews = () => filesOnDisk().filter((f) => f.split(path.sep)[0] === 'preview');
    const before = previews().length;
    const seen: Buffer[] = [];
    for (const token of [requester, grid.leaderToken, grid.headToken]) {
      const preview = await get(token, `/api/photos/${id}/preview`);
      expect([preview.status, preview.headers.get('content-type'), preview.headers.get('cache-control')]).toEqual([
        200,
        'image/jpeg',
        'private, max-age=86400',
      ]);
      const meta = await sharp(preview.bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 640, 400]);
      seen.push(preview.bytes);
    }
    // Made once, kept, and the same bytes for everyone after.
    expect(previews().length).toBe(before + 1);
    expect(seen.every((bytes) => bytes.equals(seen[0]!))).toBe(true);
    // 1×1: already small, so the photo itself.
    const own = await get(requester, `/api/photos/${small}/preview`);
    expect([own.status, own.headers.get('content-type'), own.bytes.equals(JPEG_1X1)]).toEqual([200, 'image/jpeg', true]);
    expect(previews().length).toBe(before + 1);
    // Everyone else: as for the photo, it does not exist.
    for (const token of [await villager(), grid.otherLeaderToken]) {
      expect(await call(under.api.baseUrl, 'GET', `/api/photos/${id}/preview`, { token })).toMatchObject({
        status: 404,
        body: { code: 'NOT_FOUND', field: 'photoId' },
      });
    }
    expect((await get(undefined, `/api/photos/${id}/preview`)).status).toBe(401);
  });

  it('refuses more uploads while too many wait unsent (photos and voice notes together), until a matter takes them', async () => {
    const requester = await villager();
    const waiting = [await uploadVoiceNote(under.api.baseUrl, requester, MP3_NOTE, 2000).then((r) => r.body.id as number)];
    const photos: number[] = [];
    while (photos.length + waiting.length < PENDING_MAX) photos.push(await photoOf(requester, pngImage(2, 2)));
    const rowsBefore = await ds().getRepository(Photo).count();
    const filesBefore = filesOnDisk().length;
    expect(await upload(requester, pngImage(2, 2), { filename: 'a.png', type: 'image/png' })).toMatchObject({
      status: 429,
      body: { code: 'UPLOADS_PENDING', field: 'file', message: '您上传的照片和语音还有很多没有提交，请先提交诉求，或过几天再传' },
    });
    expect((await uploadVoiceNote(under.api.baseUrl, requester, MP3_NOTE, 2000)).body).toMatchObject({ code: 'UPLOADS_PENDING' });
    expect([await ds().getRepository(Photo).count(), filesOnDisk().length]).toEqual([rowsBefore, filesBefore]);
    // Someone else is not held up by it.
    expect((await upload(await villager(), pngImage(2, 2), { filename: 'b.png', type: 'image/png' })).status).toBe(201);
    // A matter with nine of the photos and the voice note: room again.
    expect((await api('POST', '/api/requests', requester, submitBody({ photoIds: photos.slice(0, 9), voiceNoteId: waiting[0] }))).status).toBe(201);
    expect((await upload(requester, pngImage(2, 2), { filename: 'c.png', type: 'image/png' })).status).toBe(201);
  });

  it('refuses what is not a photo (a text file named .jpg, a cut-off header) and what is too big, keeping nothing', async () => {
    const token = await villager();
    const rowsBefore = await ds().getRepository(Photo).count();
    const filesBefore = filesOnDisk().length;
    const notImages = [
      Buffer.from('这不是照片，只是一段文字'),
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), // a JPEG's first bytes, then nothing
      Buffer.concat([Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPJUNK'), Buffer.alloc(20)]),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ];
    for (const content of notImages) {
      const res = await upload(token, content, { filename: '照片.jpg', type: 'image/jpeg' });
      expect(res).toMatchObject({ status: 400, body: { code: 'PHOTO_NOT_IMAGE', field: 'file', message: '只能上传 JPG、PNG 或 WebP 格式的照片' } });
    }
    // A real PNG with a tail of incompressible bytes: one byte over the limit.
    const head = pngImage(2, 2);
    const big = Buffer.concat([head, randomBytes(MAX_BYTES + 1 - head.length)]);
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    const tooBig = await upload(token, big, { filename: 'big.png', type: 'image/png' });
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'PHOTO_TOO_LARGE', field: 'file' } });
    expect(tooBig.body.message).toContain('64 KB');
    // Wrong field name, or a text field beside the file: the upload is malformed.
    expect((await upload(token, JPEG_1X1, { field: 'photo' })).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    const withField = new FormData();
    withField.set('note', 'x');
    withField.set('file', new Blob([new Uint8Array(JPEG_1X1)]), 'a.jpg');
    const res = await fetch(`${under.api.baseUrl}/api/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: withField });
    expect(res.status).toBe(400);
    expect((await api('POST', '/api/photos', token, { file: JPEG_1X1.toString('base64') })).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    expect((await uploadPhoto(under.api.baseUrl, undefined, JPEG_1X1)).status).toBe(401);
    expect(await ds().getRepository(Photo).count()).toBe(rowsBefore);
    expect(filesOnDisk().length).toBe(filesBefore);
  });

  it('a matter shows its photos in the timeline, to the requester and those handling it; everyone else gets 404', async () => {
    const requester = await villager();
    const ids = [await photoOf(requester, JPEG_1X1), await photoOf(requester, WEBP_LOSSY_1X1)];
    // Unattached, only the uploader sees it.
    expect((await get(grid.leaderToken, `/api/photos/${ids[0]}`)).status).toBe(404);
    const submitted = await api('POST', '/api/requests', requester, submitBody({ photoIds: ids }));
    expect(submitted.status).toBe(201);
    expect(submitted.body.timeline[0]).toMatchObject({ action: 'submit', photos: ids.map((id) => ({ id, url: `/api/photos/${id}` })) });

    const seen = await api('GET', `/api/requests/${submitted.body.id}`, grid.leaderToken);
    expect(seen.body.timeline[0].photos.map((p: { id: number }) => p.id)).toEqual(ids);
    for (const token of [requester, grid.leaderToken, grid.headToken]) {
      const photo = await get(token, `/api/photos/${ids[0]}`);
      expect(photo.status).toBe(200);
      expect(photo.bytes.equals(JPEG_1X1)).toBe(true);
    }
    const otherVillager = await villager();
    for (const token of [otherVillager, grid.otherLeaderToken]) {
      const refused = await call(under.api.baseUrl, 'GET', `/api/photos/${ids[1]}`, { token });
      expect(refused).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    }
    // A photo that does not exist answers exactly like one you may not see.
    expect((await call(under.api.baseUrl, 'GET', '/api/photos/987654321', { token: otherVillager })).body.code).toBe('NOT_FOUND');
    expect((await get(undefined, `/api/photos/${ids[0]}`)).status).toBe(401);
  });

  it('someone else’s photo, or one already used, is refused on photoIds and no request is made (nothing half-saved)', async () => {
    const requester = await villager();
    const mine = await photoOf(requester);
    const theirs = await photoOf(await villager());
    const body = submitBody({ photoIds: [mine, theirs] });
    const refused = await api('POST', '/api/requests', requester, body);
    expect(refused).toMatchObject({ status: 400, body: { code: 'PHOTO_NOT_USABLE', field: 'photoIds' } });
    expect(await ds().getRepository(RequestEntity).countBy({ clientRequestId: body.clientRequestId })).toBe(0);
    expect(await ds().getRepository(Photo).findOneByOrFail({ id: mine })).toMatchObject({ requestId: null, requestEventId: null });

    const used = await api('POST', '/api/requests', requester, submitBody({ photoIds: [mine] }));
    expect(used.status).toBe(201);
    const again = submitBody({ photoIds: [mine] });
    expect((await api('POST', '/api/requests', requester, again)).body).toMatchObject({ code: 'PHOTO_NOT_USABLE', field: 'photoIds' });
    expect(await ds().getRepository(RequestEntity).countBy({ clientRequestId: again.clientRequestId })).toBe(0);
    expect((await api('POST', '/api/requests', requester, submitBody({ photoIds: [987654321] }))).body.code).toBe('PHOTO_NOT_USABLE');
    // The shape is checked before anything else: at most nine, no repeats, whole numbers.
    for (const photoIds of [Array.from({ length: 10 }, (_, i) => i + 1), [mine, mine], [1.5], ['1'], [0]]) {
      expect((await api('POST', '/api/requests', requester, submitBody({ photoIds }))).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'photoIds' });
    }
  });

  it('follow-ups and results carry photos, in the same step; other steps refuse them', async () => {
    const requester = await villager();
    const created = (await api('POST', '/api/requests', requester, submitBody())).body;
    const accepted = (await api('POST', `/api/requests/${created.id}/actions/accept`, grid.leaderToken, { version: created.version, contactMethod: 'visit' }))
      .body;
    const during = await photoOf(grid.leaderToken, JPEG_1X1);
    const followed = await api('POST', `/api/requests/${created.id}/actions/followUp`, grid.leaderToken, {
      version: accepted.version,
      note: '已经找人来量尺寸',
      photoIds: [during],
    });
    expect(followed.status).toBe(200);
    const after = [await photoOf(grid.leaderToken), await photoOf(grid.leaderToken)];
    // A conflict (stale version) rolls the step back, photos and all.
    expect(
      (await api('POST', `/api/requests/${created.id}/actions/resolve`, grid.leaderToken, { version: accepted.version, note: '装好了', photoIds: after })).body
        .code,
    ).toBe('REQUEST_CONFLICT');
    expect((await ds().getRepository(Photo).findOneByOrFail({ id: after[0] })).requestId).toBeNull();
    const resolved = await api('POST', `/api/requests/${created.id}/actions/resolve`, grid.leaderToken, {
      version: followed.body.version,
      note: '新井盖装好了',
      photoIds: after,
    });
    expect(resolved.status).toBe(200);
    const steps = Object.fromEntries(resolved.body.timeline.map((e: { action: string; photos: { id: number }[] }) => [e.action, e.photos.map((p) => p.id)]));
    expect(steps).toMatchObject({ submit: [], accept: [], followUp: [during], resolve: after });
    // The requester sees the result's photos too.
    expect((await get(requester, `/api/photos/${after[1]}`)).status).toBe(200);

    const lookBackPhoto = await photoOf(grid.headToken);
    const lookBack = await api('POST', `/api/requests/${created.id}/actions/lookBack`, grid.headToken, {
      version: resolved.body.version,
      photoIds: [lookBackPhoto],
    });
    expect(lookBack).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'photoIds' } });
  });

  it('a patrol report carries photos of what was found', async () => {
    const photo = await photoOf(grid.leaderToken, WEBP_LOSSLESS_1X1);
    const report = await api('POST', '/api/requests/patrol', grid.leaderToken, {
      clientRequestId: clientId(),
      dutyType: 'hazard_inspector',
      category: 'safety',
      description: '桥栏杆松动',
      unitId: grid.unitId,
      settledOnSpot: true,
      result: '已临时加固',
      photoIds: [photo],
    });
    expect(report.status).toBe(201);
    expect(report.body.timeline.map((e: { action: string; photos: { id: number }[] }) => [e.action, e.photos.map((p) => p.id)])).toEqual([
      ['submit', [photo]],
      ['accept', []],
      ['resolve', []],
    ]);
    expect((await get(grid.headToken, `/api/photos/${photo}`)).status).toBe(200);
    expect((await get(grid.otherLeaderToken, `/api/photos/${photo}`)).status).toBe(404);
  });

  it('risky text is refused on its field with nothing saved; text for review is saved and flagged for staff only', async () => {
    const requester = await villager();
    const photo = await photoOf(requester);
    const before = mscCalls();
    for (const [field, overrides] of [
      ['description', { description: '这里有违禁测试词' }],
      ['addressNote', { addressNote: '违禁测试词路口' }],
    ] as const) {
      const body = submitBody({ ...overrides, photoIds: [photo] });
      const refused = await api('POST', '/api/requests', requester, body);
      expect(refused).toMatchObject({ status: 400, body: { code: 'CONTENT_RISKY', field, message: '内容含有违规信息，请修改后再提交' } });
      expect(await ds().getRepository(RequestEntity).countBy({ clientRequestId: body.clientRequestId })).toBe(0);
    }
    expect((await ds().getRepository(Photo).findOneByOrFail({ id: photo })).requestId).toBeNull();
    // WeChat was asked (through the fake), once per text.
    expect(mscCalls()).toBeGreaterThanOrEqual(before + 3);

    const flagged = await api('POST', '/api/requests', requester, submitBody({ description: '请看一下待审测试词', photoIds: [photo] }));
    expect(flagged.status).toBe(201);
    expect(flagged.body).not.toHaveProperty('contentReview');
    expect((await api('GET', `/api/requests/${flagged.body.id}`, grid.leaderToken)).body.contentReview).toBe(true);
    expect((await api('GET', `/api/requests/${flagged.body.id}`, grid.headToken)).body.contentReview).toBe(true);
    const clean = await api('POST', '/api/requests', requester, submitBody());
    expect((await api('GET', `/api/requests/${clean.body.id}`, grid.leaderToken)).body.contentReview).toBe(false);

    // Rating comments are checked too (the requester has an openid); a refusal changes nothing.
    let version = clean.body.version;
    for (const [action, body] of [
      ['accept', { contactMethod: 'call' }],
      ['resolve', { note: '修好了' }],
    ] as const) {
      version = (await api('POST', `/api/requests/${clean.body.id}/actions/${action}`, grid.leaderToken, { version, ...body })).body.version;
    }
    const rating = await api('POST', `/api/requests/${clean.body.id}/rating`, requester, { version, rating: 'satisfied', comment: '违禁测试词' });
    expect(rating).toMatchObject({ status: 400, body: { code: 'CONTENT_RISKY', field: 'comment' } });
    expect((await api('GET', `/api/requests/${clean.body.id}`, requester)).body).toMatchObject({ version, rating: null });
    const reviewRating = await api('POST', `/api/requests/${clean.body.id}/rating`, requester, { version, rating: 'satisfied', comment: '待审测试词' });
    expect(reviewRating.status).toBe(200);
    expect((await api('GET', `/api/requests/${clean.body.id}`, grid.leaderToken)).body.contentReview).toBe(true);
  });

  it('action notes of someone signed in through WeChat are checked; staff without a WeChat identity are not asked about', async () => {
    const requester = await villager();
    const created = (await api('POST', '/api/requests', requester, submitBody())).body;
    // The demo-signed-in grid leader has no openid: WeChat is not asked, the note passes.
    const before = mscCalls();
    const accepted = await api('POST', `/api/requests/${created.id}/actions/accept`, grid.leaderToken, {
      version: created.version,
      contactMethod: 'call',
      note: '待审测试词',
    });
    expect(accepted.status).toBe(200);
    expect(mscCalls()).toBe(before);
    // The requester (with an openid) withdraws with a risky note: refused, nothing changes.
    const refused = await api('POST', `/api/requests/${created.id}/actions/withdraw`, requester, { version: accepted.body.version, note: '违禁测试词' });
    expect(refused).toMatchObject({ status: 400, body: { code: 'CONTENT_RISKY', field: 'note' } });
    expect((await api('GET', `/api/requests/${created.id}`, requester)).body).toMatchObject({ state: 'accepted', version: accepted.body.version });
    expect(mscCalls()).toBe(before + 1);
  });

  it('words the checker is told about are used, and a WeChat outage keeps the matter but flags it for review', async () => {
    const requester = await villager();
    fake.setContentWords({ risky: ['赌博'] });
    try {
      expect((await api('POST', '/api/requests', requester, submitBody({ description: '有人在村里赌博' }))).body.code).toBe('CONTENT_RISKY');
    } finally {
      fake.reset();
    }
    // After reset the fake forgot our token and the user: log in again; the API refreshes the token itself (40001).
    const again = await villager();
    const ok = await api('POST', '/api/requests', again, submitBody());
    expect(ok.status).toBe(201);

    // -1 twice (the client retries once), then a dropped connection: kept, and flagged for review.
    fake.injectFault({ path: '/wxa/msg_sec_check', errcode: -1, times: 2 });
    const busy = await api('POST', '/api/requests', again, submitBody({ addressNote: undefined }));
    expect(busy.status).toBe(201);
    expect((await api('GET', `/api/requests/${busy.body.id}`, grid.leaderToken)).body.contentReview).toBe(true);
    fake.injectFault({ path: '/wxa/msg_sec_check', dropConnection: true });
    const dropped = await api('POST', '/api/requests', again, submitBody({ addressNote: undefined }));
    expect(dropped.status).toBe(201);
    expect((await api('GET', `/api/requests/${dropped.body.id}`, grid.leaderToken)).body.contentReview).toBe(true);
  });

  it('uploads never sent with a matter are removed after the keep (row and file); used ones stay', async () => {
    const requester = await villager();
    // `left` big enough to have a preview, which its uploader looked at: it goes with it.
    const [left, used] = [
      await photoOf(
        requester,
        await sharp({ create: { width: 900, height: 700, channels: 3, background: '#777777' } })
          .png()
          .toBuffer(),
      ),
      await photoOf(requester, pngImage(4, 4)),
    ];
    expect((await get(requester, `/api/photos/${left}/preview`)).status).toBe(200);
    const note = await uploadVoiceNote(under.api.baseUrl, requester, MP3_NOTE, 2000);
    expect(note.status).toBe(201);
    expect((await api('POST', '/api/requests', requester, submitBody({ photoIds: [used] }))).status).toBe(201);
    const keyOf = async (id: number) => (await ds().getRepository(Photo).findOneByOrFail({ id })).storageKey;
    const [leftKey, usedKey] = [await keyOf(left), await keyOf(used)];
    const noteKey = (await ds().getRepository(VoiceNote).findOneByOrFail({ id: note.body.id })).storageKey;
    const leftPreview = `preview/${leftKey.replace(/\.png$/, '.jpg')}`;
    expect(filesOnDisk().map((f) => f.split(path.sep).join('/'))).toContain(leftPreview);
    const sweep = (days: number) => under.api.app.get(SweepUnusedUploadsJob).run(new Date(Date.now() + days * 24 * 3600_000));

    await sweep(6.9);
    expect((await get(requester, `/api/photos/${left}`)).status).toBe(200);
    await sweep(7.1);
    expect(await ds().getRepository(Photo).findOneBy({ id: left })).toBeNull();
    expect(await ds().getRepository(VoiceNote).findOneBy({ id: note.body.id })).toBeNull();
    // Each one gone (not.arrayContaining of all three would pass with one left).
    const files = filesOnDisk().map((f) => f.split(path.sep).join('/'));
    expect([leftKey, leftPreview, noteKey].filter((key) => files.includes(key))).toEqual([]);
    expect(filesOnDisk().map((f) => f.split(path.sep).join('/'))).toEqual(expect.arrayContaining([usedKey]));
    expect((await get(requester, `/api/photos/${left}`)).status).toBe(404);
    expect((await get(requester, `/api/photos/${used}`)).status).toBe(200);
    // A draft that still names it is told to upload again.
    expect((await api('POST', '/api/requests', requester, submitBody({ photoIds: [left] }))).body).toMatchObject({
      code: 'PHOTO_NOT_USABLE',
      field: 'photoIds',
    });
  });
});
