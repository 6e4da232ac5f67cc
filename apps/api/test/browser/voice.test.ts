import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { VoiceNote } from '../../src/voice-notes/voice-note.entity';
import { openPhoneBrowser, PhoneBrowser } from '../support/browser';
import { addVillager, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, openHome, requireH5Build, screenshot, signInAs } from '../support/h5';

const VILLAGER = { name: '钱桂芝', phone: '13912340031' };

/** Holds the button for `ms` as a finger would: touchstart, wait, touchend. */
async function hold(page: Page, target: Locator, ms: number): Promise<void> {
  const box = (await target.boundingBox())!;
  const touch = { identifier: 1, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
  await target.dispatchEvent('touchstart', { touches: [touch], changedTouches: [touch], targetTouches: [touch] });
  await page.waitForTimeout(ms);
  await target.dispatchEvent('touchend', { touches: [], changedTouches: [touch], targetTouches: [] });
}

/**
 * 语音留言 in the H5 build in Chromium (its fake microphone), against the real API on SQLite: a
 * villager who does not type holds 按住说话, lets go, hears it back and submits with no text; the
 * grid leader opens the matter and plays it.
 */
describe('voice notes in the H5 app', () => {
  const under = useAppUnderTest(() => ({ demoLogin: true }));
  let phone: PhoneBrowser;
  let leader: SeededPerson;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const { h5Dir } = loadAppConfig({});
    requireH5Build(h5Dir);
    await seedDemoIfEmpty(under.api.app);
    const dataSource = under.api.app.get(DataSource);
    leader = await personWithRole(dataSource, 'grid_leader');
    await addVillager(dataSource, VILLAGER, leader.unitId);
    phone = await openPhoneBrowser({ width: 360, height: 780 }, { touch: true });
    phone.page.on('pageerror', (error) => pageErrors.push(error.message));
    await openHome(phone.page, under.api.baseUrl);
  });

  afterAll(async () => {
    await phone?.close();
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
    await hold(page, holdButton, 300);
    await page.getByText('说话时间太短，请按住按钮多说一会儿').waitFor();

    // While held: red, counting down from 60 s.
    await page.getByText('说话时间太短，请按住按钮多说一会儿').waitFor({ state: 'hidden' });
    const box = (await holdButton.boundingBox())!;
    const touch = { identifier: 1, clientX: box.x + 10, clientY: box.y + 10 };
    await holdButton.dispatchEvent('touchstart', { touches: [touch], changedTouches: [touch], targetTouches: [touch] });
    await form.locator('.voice-hold--recording').getByText(/正在录音，还能说 (60|59|58) 秒/).waitFor();
    await screenshot(page, 'villager-voice-recording', true, holdButton);
    await page.waitForTimeout(2000);
    await holdButton.dispatchEvent('touchend', { touches: [], changedTouches: [touch], targetTouches: [] });

    // Uploaded: it plays back from the API, as long as it was held (2 s and the screenshot's time).
    const player = form.locator('.voice-field--done .voice-player');
    await player.waitFor({ timeout: 15_000 });
    await expect(player.locator('.voice-player-length').innerText()).resolves.toMatch(/^[2-5]″$/);
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
    await expect(shown.locator('.req-description').count()).resolves.toBe(0);
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
