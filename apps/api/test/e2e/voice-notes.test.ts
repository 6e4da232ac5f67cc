import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../src/config/app-config';
import { RequestEntity } from '../../src/requests/request.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { VoiceNote } from '../../src/voice-notes/voice-note.entity';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { testDialect } from '../support/test-database';
import { fetchVoiceNote, MP3_NOTE, RECORDINGS, uploadVoiceNote } from '../support/voice-notes';

/** 语音留言: recorded instead of typing, checked by content, heard only by those who may see the matter. */
const VOICE_MAX_BYTES = 32 * 1024;

describe(`voice notes (${testDialect()})`, () => {
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridloop-voice-test-'));
  const under = useAppUnderTest(() => ({
    demoLogin: true,
    photos: { ...loadAppConfig({}).photos, dir: mediaDir, voiceMaxBytes: VOICE_MAX_BYTES },
  }));
  beforeAll(() => seedDemoIfEmpty(under.api.app));

  const ds = () => under.api.app.get(DataSource);
  const api = (method: string, url: string, token: string, body?: unknown) => call(under.api.baseUrl, method, url, { token, body });
  const upload = (token: string | undefined, content: Buffer, durationMs?: number | string | null, claimed?: { filename?: string; type?: string }) =>
    uploadVoiceNote(under.api.baseUrl, token, content, durationMs, claimed);
  const hear = (token: string | undefined, url: string) => fetchVoiceNote(under.api.baseUrl, token, url);
  const filesOnDisk = () => (fs.readdirSync(mediaDir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(mediaDir, f)).isFile());
  const submitBody = (overrides: Record<string, unknown> = {}) => ({ clientRequestId: randomBytes(12).toString('hex'), category: 'environment', ...overrides });

  let grid: { unitId: number; leaderToken: string; otherLeaderToken: string };
  let villagers = 0;
  beforeAll(async () => {
    const leader = await personWithRole(ds(), 'grid_leader', 'SG-TT-V03-L1-S01');
    grid = {
      unitId: leader.unitId,
      leaderToken: await demoToken(under.api.baseUrl, leader.personId),
      otherLeaderToken: await demoToken(under.api.baseUrl, (await personWithRole(ds(), 'grid_leader', 'SG-TT-V04-L1-S01')).personId),
    };
  });
  async function villager(): Promise<string> {
    villagers += 1;
    const personId = await addVillager(ds(), { name: `王大娘${villagers}`, phone: `1990536${String(8100 + villagers).padStart(4, '0')}` }, grid.unitId);
    return demoToken(under.api.baseUrl, personId);
  }

  it('takes what recorders write (MP3, AAC, M4A, WebM, Ogg, WAV) by content, whatever the name claims, and plays it back to the uploader only', async () => {
    const token = await villager();
    for (const [name, [bytes, mimeType]] of Object.entries(RECORDINGS)) {
      const res = await upload(token, bytes, 2300, { filename: 'x.txt', type: 'text/plain' });
      expect({ name, status: res.status, body: res.body }).toMatchObject({
        name,
        status: 201,
        body: { mimeType, bytes: bytes.length, durationMs: 2300, url: `/api/voice-notes/${res.body.id}` },
      });
      const back = await hear(token, res.body.url);
      expect({ name, status: back.status, type: back.type, same: back.bytes.equals(bytes) }).toEqual({ name, status: 200, type: mimeType, same: true });
      // Not attached yet: nobody else hears it.
      expect((await hear(grid.leaderToken, res.body.url)).status).toBe(404);
    }
    expect(filesOnDisk().filter((f) => f.startsWith('voice')).length).toBeGreaterThanOrEqual(Object.keys(RECORDINGS).length);
  });

  it('refuses what is not a recording, a length outside 1–60 s, a file over the limit and a stranger, keeping nothing', async () => {
    const token = await villager();
    const rows = await ds().getRepository(VoiceNote).count();
    const files = filesOnDisk().length;
    expect((await upload(token, Buffer.from('这不是录音，只是一段起了 .mp3 名字的文字'), 1500)).body).toMatchObject({
      code: 'VOICE_NOTE_NOT_AUDIO',
      field: 'file',
      message: '这不是一段录音，请重新录一段',
    });
    expect((await upload(token, Buffer.concat([MP3_NOTE.subarray(0, 200), Buffer.alloc(300)]), 1500)).body).toMatchObject({ code: 'VOICE_NOTE_NOT_AUDIO' });
    for (const durationMs of [null, 999, 60_001, 'abc', '1.5', -3]) {
      const res = await upload(token, MP3_NOTE, durationMs);
      expect({ durationMs, status: res.status, code: res.body.code, field: res.body.field }).toEqual({
        durationMs,
        status: 400,
        code: 'VALIDATION_FAILED',
        field: 'durationMs',
      });
    }
    const big = Buffer.concat([MP3_NOTE, randomBytes(VOICE_MAX_BYTES)]);
    const tooBig = await upload(token, big, 60_000);
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'VOICE_NOTE_TOO_LARGE', field: 'file' } });
    expect(tooBig.body.message).toContain('32 KB');
    // Another field beside durationMs, or no file at all: a malformed upload.
    const extra = new FormData();
    extra.set('durationMs', '1500');
    extra.set('note', 'x');
    extra.set('file', new Blob([new Uint8Array(MP3_NOTE)]), 'a.mp3');
    const res = await fetch(`${under.api.baseUrl}/api/voice-notes`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: extra });
    expect(res.status).toBe(400);
    expect((await api('POST', '/api/voice-notes', token, { durationMs: 1500 })).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    expect((await upload(undefined, MP3_NOTE)).status).toBe(401);
    expect(await ds().getRepository(VoiceNote).count()).toBe(rows);
    expect(filesOnDisk().length).toBe(files);
  });

  it('a matter raised by voice alone: 语音留言 stands in for the text; the requester and the grid leader hear it, another grid does not', async () => {
    const requester = await villager();
    const stranger = await villager();
    const note = await upload(requester, MP3_NOTE, 23_400);
    const submitted = await api('POST', '/api/requests', requester, submitBody({ voiceNoteId: note.body.id }));
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ description: '（语音留言）', voiceNote: { id: note.body.id, durationMs: 23_400, url: note.body.url } });

    const handling = await api('GET', `/api/requests/${submitted.body.id}`, grid.leaderToken);
    expect(handling.body.voiceNote).toEqual({ id: note.body.id, durationMs: 23_400, url: note.body.url });
    const inbox = await api('GET', '/api/requests/inbox', grid.leaderToken);
    expect(inbox.body.find((r: { id: number }) => r.id === submitted.body.id)).toMatchObject({ description: '（语音留言）' });

    for (const [who, token, status] of [
      ['requester', requester, 200],
      ['grid leader', grid.leaderToken, 200],
      ['another grid’s leader', grid.otherLeaderToken, 404],
      ['another villager', stranger, 404],
    ] as const) {
      const heard = await hear(token, note.body.url);
      expect({ who, status: heard.status, same: heard.status === 200 && heard.bytes.equals(MP3_NOTE) }).toEqual({ who, status, same: status === 200 });
    }
  });

  it('text and a voice note together keep the text; neither is refused on description', async () => {
    const token = await villager();
    const note = await upload(token, RECORDINGS['note.m4a']![0], 5000);
    const both = await api('POST', '/api/requests', token, submitBody({ description: '路灯不亮了，录了段话说清楚', voiceNoteId: note.body.id }));
    expect(both.body).toMatchObject({ description: '路灯不亮了，录了段话说清楚', voiceNote: { id: note.body.id } });
    const before = await ds().getRepository(RequestEntity).count();
    for (const body of [submitBody(), submitBody({ description: '   ' }), submitBody({ description: null, voiceNoteId: note.body.id })]) {
      const res = await api('POST', '/api/requests', token, body);
      expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'description' } });
    }
    // A patrol report still says what was found in words.
    const patrol = await api('POST', '/api/requests/patrol', grid.leaderToken, {
      clientRequestId: randomBytes(8).toString('hex'),
      category: 'safety',
      dutyType: 'hazard_inspector',
      unitId: grid.unitId,
      settledOnSpot: false,
    });
    expect(patrol).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'description' } });
    expect(await ds().getRepository(RequestEntity).count()).toBe(before);
  });

  it('a voice note goes with one matter only, and only its uploader’s: otherwise nothing is saved', async () => {
    const owner = await villager();
    const other = await villager();
    const note = await upload(owner, MP3_NOTE, 3000);
    const before = await ds().getRepository(RequestEntity).count();
    const stolen = await api('POST', '/api/requests', other, submitBody({ voiceNoteId: note.body.id }));
    expect(stolen).toMatchObject({ status: 400, body: { code: 'VOICE_NOTE_NOT_USABLE', field: 'voiceNoteId', message: '录音无效或已经用过了，请重新录一段' } });
    expect((await api('POST', '/api/requests', owner, submitBody({ voiceNoteId: 999_999 }))).body).toMatchObject({ code: 'VOICE_NOTE_NOT_USABLE' });
    expect(await ds().getRepository(RequestEntity).count()).toBe(before);

    expect((await api('POST', '/api/requests', owner, submitBody({ voiceNoteId: note.body.id }))).status).toBe(201);
    const again = await api('POST', '/api/requests', owner, submitBody({ description: '再报一次', voiceNoteId: note.body.id }));
    expect(again.body).toMatchObject({ code: 'VOICE_NOTE_NOT_USABLE', field: 'voiceNoteId' });
    expect(await ds().getRepository(RequestEntity).count()).toBe(before + 1);
    expect(await ds().getRepository(VoiceNote).countBy({ id: note.body.id })).toBe(1);
  });
});
