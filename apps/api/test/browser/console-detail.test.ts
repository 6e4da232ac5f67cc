import { beforeAll, describe, expect, it } from '@jest/globals';
import { actionRule, type RequestAction } from '@gridloop/domain';
import { randomBytes } from 'node:crypto';
import { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { RequestEntity } from '../../src/requests/request.entity';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { saveScreenshot } from '../support/browser';
import { demoSignInAtDesk, useDesk } from '../support/console';
import { eventually } from '../support/h5';
import { call } from '../support/http';
import { pngImage, uploadPhoto } from '../support/images';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';

const VILLAGER = { name: '韩秀兰', phone: '13912340391' };
const LOOK_BACK_FIRST = '村东头的下水道堵了，雨天积水到膝盖。';
const LOOK_BACK_SECOND = '小学门口的减速带坏了一截。';
const OVERDUE = ['村北的路灯一连三天不亮。', '健身广场的单杠松动了。'];

/**
 * Issue #19, 诉求详情 and the work of the queues, in Chromium at 1440×900 against the real API:
 * hotline staff open a matter from 待回看, see its timeline and its photo (full on click), 拨打
 * shows the requester's number and the phone-view log has the row; the buttons are the API's
 * `actions`; 退回重办 with the reason, Enter, and the next matter of the queue opens. In 超时督办
 * two matters are selected and 催办 at once, each on its own, each reported.
 */
describe('the desk console: a matter’s page and the queues’ work', () => {
  // Unrated results join the look-back queue at once.
  const under = useAppUnderTest({ demoLogin: true, lookBack: { ratingWaitHours: 0 } });
  let page: Page;
  let staff: SeededPerson;
  let staffToken: string;
  let villagerId: number;
  let first: number;
  let second: number;
  const overdue: number[] = [];
  const desk = useDesk();

  beforeAll(async () => {
    await seedDemoIfEmpty(under.api.app);
    const dataSource = under.api.app.get(DataSource);
    const base = under.api.baseUrl;
    staff = await personWithRole(dataSource, 'hotline_staff');
    staffToken = await demoToken(base, staff.personId);
    const leader = await personWithRole(dataSource, 'grid_leader');
    villagerId = await addVillager(dataSource, VILLAGER, leader.unitId);
    const villagerToken = await demoToken(base, villagerId);
    const leaderToken = await demoToken(base, leader.personId);

    const submit = async (description: string, withPhoto: boolean) => {
      const photo = withPhoto ? await uploadPhoto(base, villagerToken, pngImage(320, 240), { filename: 'drain.png', type: 'image/png' }) : null;
      const submitted = await call(base, 'POST', '/api/requests', {
        token: villagerToken,
        body: {
          clientRequestId: randomBytes(8).toString('hex'),
          category: 'environment',
          description,
          ...(photo ? { photoIds: [photo.body.id as number] } : {}),
        },
      });
      expect(submitted.status).toBe(201);
      return submitted.body as { id: number; version: number };
    };
    const resolved = async (description: string) => {
      const submitted = await submit(description, true);
      const accepted = await call(base, 'POST', `/api/requests/${submitted.id}/actions/accept`, {
        token: leaderToken,
        body: { version: submitted.version, contactMethod: 'visit', complexity: 'simple' },
      });
      const done = await call(base, 'POST', `/api/requests/${submitted.id}/actions/resolve`, {
        token: leaderToken,
        body: { version: accepted.body.version, note: '已经派人疏通，恢复正常。' },
      });
      expect(done.status).toBe(200);
      return submitted.id;
    };
    first = await resolved(LOOK_BACK_FIRST);
    second = await resolved(LOOK_BACK_SECOND);
    // The queue is in the order the results came: the first one waited longest.
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    await dataSource.getRepository(RequestEntity).update(first, { resolvedAt: hoursAgo(3) });
    await dataSource.getRepository(RequestEntity).update(second, { resolvedAt: hoursAgo(2) });
    // Two matters nobody contacted in time: overdue now.
    for (const description of OVERDUE) {
      const submitted = await submit(description, false);
      await dataSource.getRepository(RequestEntity).update(submitted.id, { contactDueAt: hoursAgo(5) });
      overdue.push(submitted.id);
    }

    page = desk.page;
    await page.goto(`${base}/console/`);
    await demoSignInAtDesk(page, staff.name);
    await page.locator('.console-me').waitFor({ timeout: 30_000 });
  });

  const view = async (id: number) => (await call(under.api.baseUrl, 'GET', `/api/requests/${id}`, { token: staffToken })).body as Record<string, any>;

  it('opens a matter from 待回看: its timeline, its photo full on click, and the API’s actions as buttons', async () => {
    await page.locator('.ant-menu-item').filter({ hasText: '待回看' }).click();
    const waiting = page.locator('.queue-table .ant-table-row').filter({ hasText: LOOK_BACK_FIRST });
    await waiting.waitFor({ timeout: 30_000 });
    await page.locator('.queue-table .ant-table-row').filter({ hasText: LOOK_BACK_SECOND }).waitFor();
    await saveScreenshot(page, 'console-look-back', { forDocs: true });
    await waiting.click();
    await page.locator('.request-detail').getByText(`诉求 #${first}`).waitFor({ timeout: 30_000 });
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/console/requests/${first}`);
    expect(url.searchParams.get('queue')).toBe('lookBack');

    // The timeline, each step by its label from the workflow table.
    const steps = page.locator('.request-timeline .timeline-step');
    await eventually(async () => expect(await steps.count()).toBe(3));
    const texts = await steps.allInnerTexts();
    expect(texts[0]).toContain('提交诉求');
    expect(texts[1]).toContain('联系并受理');
    expect(texts[2]).toContain('办结');
    expect(texts[2]).toContain('已经派人疏通，恢复正常。');
    // A time stands apart from the words after it (it read 「00:37此后时限」), and antd's own words
    // (the photo's 预览 mask) come in Chinese: no English word anywhere on the page.
    expect(texts.join('\n')).not.toMatch(/\d此后时限/);
    expect(await page.locator('.request-detail').innerText()).not.toMatch(/[A-Za-z]{2,}/);

    // The photo the villager sent: a thumbnail, and the full photo in the viewer on click.
    const thumbnail = page.locator('.request-matter .request-photo img, .request-matter img.request-photo').first();
    await thumbnail.waitFor({ timeout: 15_000 });
    expect(await thumbnail.getAttribute('src')).toMatch(/^blob:/);
    await eventually(async () => expect(await thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0));
    // The thumbnail's mask (预览) takes the click, as a person's would.
    await page.locator('.request-matter .ant-image').first().click();
    const full = page.locator('.ant-image-preview-img');
    await full.waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await full.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(320));
    await page.keyboard.press('Escape');
    await full.waitFor({ state: 'hidden' });

    // The buttons are what the API says this person may do now, labelled from the table.
    const actions = (await view(first)).actions as RequestAction[];
    expect(actions).toContain('sendBack');
    expect(await page.locator('.request-actions .request-action').allInnerTexts()).toEqual(actions.map((action) => actionRule(action).label));
    await page.locator('.request-queue-position').getByText('待回看 第 1 / ').waitFor();
    await saveScreenshot(page, 'console-request', { forDocs: true });
  });

  it('拨打 shows the requester’s number, and the phone-view log has the row', async () => {
    expect(await page.locator('body').innerText()).not.toContain(VILLAGER.phone);
    const calling = page.waitForResponse((res) => res.request().method() === 'POST' && new URL(res.url()).pathname === `/api/requests/${first}/call`);
    await page.locator('.requester-call-button').click();
    expect((await calling).status()).toBe(200);
    await page.locator('.requester-phone').getByText(VILLAGER.phone).waitFor();
    const logged = await under.api.app
      .get(DataSource)
      .query('SELECT COUNT(*) AS n FROM phone_view_log WHERE viewerPersonId = ? AND subjectPersonId = ? AND requestId = ?', [
        staff.personId,
        villagerId,
        first,
      ]);
    expect(Number(logged[0].n)).toBe(1);
  });

  it('退回重办 with the reason, Enter, and the next matter of 待回看 opens', async () => {
    await page.locator('.request-action-sendBack').click();
    const note = page.locator('.action-form-sendBack textarea');
    await note.waitFor();
    // The reason is required (the row's noteRequired): Enter on an empty note is refused in place.
    await note.press('Enter');
    await page.locator('.action-form-sendBack').getByText('请填写说明').waitFor();
    await note.fill('积水还在，请再去看一下。');
    await note.press('Enter');
    await page.waitForURL((url) => url.pathname === `/console/requests/${second}` && url.searchParams.get('queue') === 'lookBack', { timeout: 30_000 });
    await page.locator('.request-detail').getByText(LOOK_BACK_SECOND).waitFor({ timeout: 30_000 });
    const sentBack = await view(first);
    expect(sentBack.state).toBe('in_progress');
    expect((sentBack.timeline as { action: string; note: string | null }[]).at(-1)).toMatchObject({ action: 'sendBack', note: '积水还在，请再去看一下。' });
  });

  it('超时督办: two matters selected and 催办 at once, each reported, each with its own step', async () => {
    await page.locator('.ant-menu-item').filter({ hasText: '超时督办' }).click();
    for (const description of OVERDUE) {
      const row = page.locator('.queue-table .ant-table-row').filter({ hasText: description });
      await row.waitFor({ timeout: 30_000 });
      await row.locator('.ant-checkbox-input').check();
    }
    await page.locator('.overdue-batch-urge').getByText('催办（2 件）').waitFor();
    // The picture without the toast of the step before (退回重办).
    await eventually(async () => expect(await page.locator('.ant-message-notice').count()).toBe(0));
    await saveScreenshot(page, 'console-overdue', { forDocs: true });
    await page.locator('.overdue-batch-urge').click();
    const note = page.locator('.batch-step-urge .batch-note');
    await note.fill('群众又来电话了，请尽快联系。');
    await note.press('Enter');
    await eventually(async () => expect(await page.locator('.batch-step-urge .batch-outcome-ok').count()).toBe(2));
    expect(await page.locator('.batch-step-urge .batch-outcome-failed').count()).toBe(0);
    await saveScreenshot(page, 'console-overdue-urged', { forDocs: true });
    await page.locator('.batch-step-urge .ant-modal-footer .ant-btn-primary').click();
    await page.locator('.batch-step-urge').waitFor({ state: 'hidden' });
    for (const id of overdue) {
      const urged = await view(id);
      expect((urged.timeline as { action: string; note: string | null }[]).filter((step) => step.action === 'urge')).toEqual([
        expect.objectContaining({ note: '群众又来电话了，请尽快联系。' }),
      ]);
    }
  });
});
