import { beforeAll, describe, expect, it } from '@jest/globals';
import { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { VoiceNote } from '../../src/voice-notes/voice-note.entity';
import { addVillager, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, holdUntilRecorded, screenshot, signInAs, usePhoneOnApp } from '../support/h5';

const VILLAGER = { name: '钱桂芝', phone: '13912340031' };

/** Presses on the middle of `target` (a real pointer down, as a finger or a mouse sends). */
async function pressOn(page: Page, target: Locator): Promise<void> {
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
}

/**
 * 语音留言 in the H5 build in Chromium (its fake microphone), against the real API on SQLite: a
 * villager who does not type holds 按住说话 (a real press and release of the pointer), lets go,
 * hears it back and submits with no text; the grid leader opens the matter and plays it.
 */
describe('voice notes in the H5 app', () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  const phone = usePhoneOnApp(under);
  const { pageErrors } = phone;
  let leader: SeededPerson;

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    await addVillager(dataSource, VILLAGER, leader.unitId);
  });

  it('a villager says it instead of typing: hold, let go, hear it, submit without text', async () => {
    const { page } = phone;
    await signInAs(page, VILLAGER);
    await button(page, /^我要反映$/, '.home-report').click();
    const form = current(page);
    await form.getByText('是哪一类事情').waitFor({ timeout: 15_000 });
    await form.locator('.report-category').filter({ hasText: '基础设施' }).click();

    // Too short a press records nothing.
    const holdButton = form.locator('.voice-hold');
    await holdButton.scrollIntoViewIfNeeded();
    await pressOn(page, holdButton);
    await form.locator('.voice-hold--recording').waitFor();
    await page.mouse.up();
    await page.getByText('说话时间太短，请按住按钮多说一会儿').waitFor();

    // While held: red, counting down from 60 s.
    await page.getByText('说话时间太短，请按住按钮多说一会儿').waitFor({ state: 'hidden' });
    const uploaded = page.waitForResponse((res) => res.url().endsWith('/api/voice-notes') && res.request().method() === 'POST');
    const pressedAt = Date.now();
    await pressOn(page, holdButton);
    await form
      .locator('.voice-hold--recording')
      .getByText(/正在录音，还能说 (60|59|58) 秒/)
      .waitFor();
    await screenshot(page, 'villager-voice-recording', true, holdButton);
    await holdUntilRecorded(holdButton, 3);
    await page.mouse.up();
    const heldMs = Date.now() - pressedAt;

    // Uploaded: as long as it was held (at least the 3 s the countdown showed, at most the whole press), and the
    // player says so in whole seconds.
    const note = (await (await uploaded).json()) as { durationMs: number };
    expect(note.durationMs).toBeGreaterThanOrEqual(2000);
    expect(note.durationMs).toBeLessThanOrEqual(heldMs + 100);
    const player = form.locator('.voice-field--done .voice-player');
    await player.waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await player.locator('.voice-player-length').innerText()).toBe(`${Math.round(note.durationMs / 1000)}″`));
    const fetched = page.waitForResponse((res) => /\/api\/voice-notes\/\d+$/.test(res.url()));
    await player.click();
    const heard = await fetched;
    expect(heard.status()).toBe(200);
    expect(heard.headers()['content-type']).toBe('audio/webm');
    await screenshot(page, 'villager-voice', true, player);

    // No text at all: 语音留言 stands in.
    await button(page, /^提交$/, '.report-submit').click();
    await page.getByText('提交成功！网格员会尽快和您联系。').waitFor({ timeout: 30_000 });
    const shown = current(page);
    // The player says it; the stand-in text is for lists only.
    await shown.locator('.req-voice').waitFor();
    await eventually(async () => expect(await shown.locator('.req-description').count()).toBe(0));
    const notes = await under.api.app.get(DataSource).getRepository(VoiceNote).find();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ mimeType: 'audio/webm' });
    expect(notes[0]!.requestId).not.toBeNull();
    expect(notes[0]!.durationMs).toBeGreaterThanOrEqual(2000);
  });

  it('the grid leader opens it from 待办 and plays it', async () => {
    const { page } = phone;
    await signInAs(page, leader);
    await button(page, '待办', '.home-inbox').click();
    const row = current(page).locator('.req-row').filter({ hasText: '（语音留言）' });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    const handling = current(page);
    const player = handling.locator('.req-voice');
    await player.waitFor({ timeout: 15_000 });
    const fetched = page.waitForResponse((res) => /\/api\/voice-notes\/\d+$/.test(res.url()));
    await player.click();
    expect((await fetched).status()).toBe(200);
    // It plays, then ends by itself (the recording is about 2 s) and is ready to play again.
    await handling.locator('.req-voice.voice-player--playing').waitFor({ timeout: 10_000 });
    await handling.locator('.req-voice.voice-player--idle').waitFor({ timeout: 15_000 });
    await screenshot(page, 'leader-voice', true);
    expect(pageErrors).toEqual([]);
  });
});
