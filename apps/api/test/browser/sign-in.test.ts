import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import * as fs from 'node:fs';
import { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../src/config/app-config';
import { seedDemoIfEmpty } from '../../src/seed/seed-demo';
import { openPhoneBrowser, PhoneBrowser, saveScreenshot } from '../support/browser';
import { eventually } from '../support/h5';
import { call } from '../support/http';
import { unitByCode } from '../support/people';
import { useAppUnderTest } from '../support/test-app';

interface DemoPerson {
  personId: number;
  name: string;
  role: string;
  roleLabel: string;
  unitName: string;
}

interface StoredSession {
  accessToken: string;
  refreshToken: string;
  me: { id: number; name: string };
}

const SESSION_KEY = 'gridloop.session';

/** The session the app keeps in Taro storage (localStorage in H5, wrapped as `{data: …}`). */
async function storedSession(page: Page): Promise<StoredSession | null> {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), SESSION_KEY);
  if (!raw) return null;
  const parsed = JSON.parse(raw) as { data?: StoredSession } | StoredSession;
  const session = 'data' in parsed ? parsed.data : (parsed as StoredSession);
  return session && typeof session === 'object' && 'accessToken' in session ? session : null;
}

async function writeSession(page: Page, session: StoredSession): Promise<void> {
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [SESSION_KEY, JSON.stringify({ data: session })] as const);
}

/** Waits until the app has stored a session with a refresh token other than `spent`. */
async function renewedSession(page: Page, spent: string): Promise<StoredSession> {
  let renewed: StoredSession | null = null;
  await eventually(async () => {
    renewed = await storedSession(page);
    expect(renewed?.refreshToken ?? spent).not.toBe(spent);
  });
  return renewed!;
}

/** Screenshots wait for Taro's page slide-in to finish (every page back at the left edge). */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro_page')).every((el) => Math.abs(el.getBoundingClientRect().left) < 1));
  await saveScreenshot(page, name);
}

/** NutUI's button label swallows clicks: tap the outer taro-button-core element. */
function button(page: Page, text: string | RegExp, className = ''): Locator {
  return page.locator(`taro-button-core${className}:visible`).filter({ hasText: text });
}

/**
 * A villager-facing flow on the H5 build in Chromium, against the real API (demo login on) and
 * the seeded demo county: sign in as a grid leader, see the name and role, open 我的, change the
 * home village with the picker, survive an expired access token, sign out.
 */
describe('signing in on the H5 app (demo login)', () => {
  const under = useAppUnderTest({ demoLogin: true });
  let phone: PhoneBrowser;
  let gridLeader: DemoPerson;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const { h5Dir } = loadAppConfig({});
    if (!fs.existsSync(`${h5Dir}/index.html`)) throw new Error(`no H5 build at ${h5Dir}: run the miniapp build:h5 first`);
    await seedDemoIfEmpty(under.api.app);
    const people = await call(under.api.baseUrl, 'GET', '/api/auth/demo-people');
    expect(people.status).toBe(200);
    const leader = (people.body as DemoPerson[]).find((p) => p.role === 'grid_leader');
    if (!leader) throw new Error('the demo list has no grid leader');
    gridLeader = leader;
    phone = await openPhoneBrowser();
    phone.page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await phone?.close();
  });

  it('shows the signed-out home, then the demo sign-in clearly marked as a demo', async () => {
    const { page } = phone;
    await page.goto(`${under.api.baseUrl}/`);
    await page.locator('.home-signed-out-title').getByText('您还没有登录').waitFor({ timeout: 30_000 });
    await button(page, /^登录$/, '.home-sign-in').click();

    await page.getByText('演示模式', { exact: true }).waitFor({ timeout: 15_000 });
    await page.getByText('选择一位虚拟人员登录，数据均为虚构').waitFor();
    // People are grouped under their role's Chinese label, each with their unit.
    await eventually(async () =>
      expect(await page.locator('.account-section-title:visible').allInnerTexts()).toEqual(
        expect.arrayContaining(['网格巷长', '热线办工作人员', '村支部书记']),
      ),
    );
    await page.locator('.demo-person:visible').filter({ hasText: gridLeader.unitName }).first().waitFor();
    await screenshot(page, 'sign-in-demo');
  });

  it('signs in as a grid leader and greets them by name with their role on the home page', async () => {
    const { page } = phone;
    await page.locator('.demo-person:visible').filter({ hasText: gridLeader.name }).filter({ hasText: gridLeader.unitName }).first().click();

    await page.locator('.home-greeting-name').getByText(`${gridLeader.name}，您好`).waitFor({ timeout: 15_000 });
    await page.locator('.home-greeting-role').getByText(`网格巷长 · ${gridLeader.unitName}`).waitFor();
    const session = await storedSession(page);
    expect(session?.me.id).toBe(gridLeader.personId);
    await screenshot(page, 'home-signed-in');
  });

  it('shows 我的 with the role, the unit and only a masked phone number', async () => {
    const { page } = phone;
    await button(page, '我的', '.home-me').click();

    await page.locator('.me-name').getByText(gridLeader.name, { exact: true }).waitFor({ timeout: 15_000 });
    const role = page.locator('.me-role:visible').filter({ hasText: '网格巷长' });
    await role.waitFor();
    await eventually(async () => expect(await role.innerText()).toContain(gridLeader.unitName));
    await eventually(async () => expect(await page.locator('.me-phone').innerText()).toMatch(/^手机号：199\*{4}\d{4}$/));

    // The full number never reaches the page.
    const rows: { phone: string }[] = await under.api.app.get(DataSource).query('SELECT phone FROM person WHERE id = ?', [gridLeader.personId]);
    const fullPhone = rows[0]?.phone;
    expect(fullPhone).toMatch(/^199\d{8}$/);
    expect(await page.locator('body').innerText()).not.toContain(fullPhone);
    await eventually(async () => expect(await page.locator('.me-home .account-row-title').innerText()).toBe('还没有选择'));
    await screenshot(page, 'me');
  });

  it('changes the home village with the picker (town → village) to 北孙村', async () => {
    const { page } = phone;
    await page.locator('.me-home').click();

    await page.locator('.choose-unit:visible').filter({ hasText: '台头镇' }).click({ timeout: 15_000 });
    await page
      .locator('.choose-unit:visible')
      .filter({ hasText: /^北孙村/ })
      .first()
      .click({ timeout: 15_000 });
    // Inside the village: choose it as a whole, or one of its small grids.
    await button(page, '就选 北孙村', '.choose-pick').waitFor({ timeout: 15_000 });
    // 北孙村 has two large grids (east and west), each opening onto its small grids.
    await page.locator('.choose-unit:visible').filter({ hasText: '北孙村东片大网格' }).waitFor();
    await screenshot(page, 'choose-village');
    await button(page, '就选 北孙村', '.choose-pick').click();

    await page.locator('.me-home .account-row-title:visible').getByText('北孙村', { exact: true }).waitFor({ timeout: 15_000 });
    const beisun = await unitByCode(under.api.app.get(DataSource), 'SG-TT-V01');
    const rows: { homeUnitId: number | null }[] = await under.api.app
      .get(DataSource)
      .query('SELECT homeUnitId FROM person WHERE id = ?', [gridLeader.personId]);
    expect(Number(rows[0]?.homeUnitId)).toBe(beisun.id);
    await screenshot(page, 'me-home-village');
  });

  it('renews an expired access token once (rotating the refresh token) and carries on', async () => {
    const { page } = phone;
    const before = await storedSession(page);
    if (!before) throw new Error('no stored session');
    // An access token of this very sign-in that expired a minute ago.
    const [, payload = ''] = before.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string; sid: string };
    const expired = await under.api.app.get(JwtService).signAsync({ sub: claims.sub, sid: claims.sid, exp: Math.floor(Date.now() / 1000) - 60 });
    expect((await call(under.api.baseUrl, 'GET', '/api/me', { token: expired })).body.code).toBe('TOKEN_EXPIRED');
    await writeSession(page, { ...before, accessToken: expired });

    // Reopening 我的 asks for /api/me: 401 TOKEN_EXPIRED → refresh → the same request again.
    await page.reload();
    await page.locator('.me-name').getByText(gridLeader.name, { exact: true }).waitFor({ timeout: 30_000 });
    await page.locator('.me-home .account-row-title').getByText('北孙村', { exact: true }).waitFor();
    const after = await renewedSession(page, before.refreshToken);
    expect(after.accessToken).not.toBe(expired);
    expect((await call(under.api.baseUrl, 'GET', '/api/me', { token: after.accessToken })).status).toBe(200);
  });

  it('signs out and shows the signed-out home', async () => {
    const { page } = phone;
    const session = await storedSession(page);
    if (!session) throw new Error('no stored session');
    await button(page, '退出登录', '.me-sign-out').click();

    await page.locator('.home-signed-out-title').getByText('您还没有登录').waitFor({ timeout: 15_000 });
    expect(await page.locator('.home-greeting-name').count()).toBe(0);
    expect(await storedSession(page)).toBeNull();
    // The sign-in is revoked on the server too.
    const refresh = await call(under.api.baseUrl, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(refresh).toMatchObject({ status: 401, body: { code: 'REFRESH_TOKEN_INVALID' } });
    await screenshot(page, 'home-signed-out');
    expect(pageErrors).toEqual([]);
  });

  it('lists people of every role, villagers of a few grids included, and a newcomer can try the villager’s path', async () => {
    const { page } = phone;
    const listed = (await call(under.api.baseUrl, 'GET', '/api/auth/demo-people')).body as DemoPerson[];
    const villagers = listed.filter((p) => p.role === 'villager');
    // The seeded villagers: two grids of 北孙村 and one of 示范镇.
    expect(new Set(villagers.map((v) => v.unitName)).size).toBeGreaterThanOrEqual(3);
    expect(villagers.some((v) => v.unitName.startsWith('示范'))).toBe(true);
    for (const role of [
      'villager',
      'grid_leader',
      'deputy_grid_leader',
      'large_grid_head',
      'village_secretary',
      'department_handler',
      'hotline_staff',
      'town_leader',
      'county_admin',
    ])
      expect([role, listed.some((p) => p.role === role)]).toEqual([role, true]);

    await button(page, /^登录$/, '.home-sign-in').click();
    await page.getByText('演示模式', { exact: true }).waitFor({ timeout: 15_000 });
    await eventually(async () => expect(await page.locator('.account-section-title:visible').allInnerTexts()).toContain('村民'));
    const villager = villagers[0]!;
    await page.locator('.demo-person:visible').filter({ hasText: villager.name }).filter({ hasText: villager.unitName }).first().click();
    await page.locator('.home-greeting-name').getByText(`${villager.name}，您好`).waitFor({ timeout: 15_000 });
    await page.locator('.home-greeting-role').getByText(`村民 · ${villager.unitName}`).waitFor();
    // A villager's home leads with 我要反映.
    await button(page, /我要反映/)
      .first()
      .waitFor();
    await screenshot(page, 'home-demo-villager');
    expect(pageErrors).toEqual([]);
  });
});
