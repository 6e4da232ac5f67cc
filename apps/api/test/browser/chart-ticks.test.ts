import { beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { call } from '../support/http';
import { addVillager, demoToken, personWithRole, SeededPerson } from '../support/people';
import { useAppUnderTest } from '../support/test-app';
import { button, current, eventually, signInAs, usePhoneOnApp } from '../support/h5';

interface Drawn {
  canvas: string;
  text: string;
  y: number;
}

/**
 * Chart axes (#17): a count axis read 0, 2, 3, 5, 6 (F2 spread five ticks evenly and rounded
 * them). What the chart writes on its canvas is read from the browser's own fillText; the value
 * axis is the row of numbers at one height: whole numbers from 0, one step apart.
 */
describe('the staff charts count in whole steps', () => {
  const under = useAppUnderTest({ demoLogin: true });
  const phone = usePhoneOnApp(under);
  let staff: SeededPerson;

  beforeAll(async () => {
    const dataSource = under.api.app.get(DataSource);
    const leader = await personWithRole(dataSource, 'grid_leader');
    staff = await personWithRole(dataSource, 'hotline_staff');
    // Open matters in one small grid, so its bar counts a few.
    const token = await demoToken(under.api.baseUrl, await addVillager(dataSource, { name: '蒋秀珍', phone: '13912341111' }, leader.unitId));
    for (const description of ['井盖松了，踩上去会晃。', '路边的树枝挡住了路灯。', '小广场的长椅坏了一张。']) {
      const submitted = await call(under.api.baseUrl, 'POST', '/api/requests', {
        token,
        body: { clientRequestId: randomBytes(8).toString('hex'), category: 'infrastructure', description },
      });
      expect(submitted.status).toBe(201);
    }
  });

  it('办理周调度’s chart: its value axis reads 0, n, 2n, … in whole numbers', async () => {
    const { page, pageErrors } = phone;
    await signInAs(page, staff);
    await page.evaluate(() => {
      const drawn: Drawn[] = [];
      (window as unknown as { drawnTexts: Drawn[] }).drawnTexts = drawn;
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
        drawn.push({ canvas: this.canvas.id, text: String(text), y: Math.round(y) });
        return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
      };
    });
    await button(page, '办理周调度', '.home-weekly').click();
    await current(page).locator('canvas#weekly-by-unit').waitFor({ timeout: 15_000 });

    await eventually(async () => {
      const drawn = await page.evaluate(() => (window as unknown as { drawnTexts: Drawn[] }).drawnTexts.filter((d) => d.canvas === 'weekly-by-unit'));
      const numbersByRow = new Map<number, number[]>();
      for (const { text, y } of drawn) if (/^\d+(\.\d+)?$/.test(text)) numbersByRow.set(y, [...(numbersByRow.get(y) ?? []), Number(text)]);
      const axis = [...numbersByRow.values()].find((row) => row.length >= 3);
      expect(axis).toBeDefined();
      const ticks = [...axis!].sort((a, b) => a - b);
      const step = ticks[1]! - ticks[0]!;
      expect({ first: ticks[0], wholeSteps: Number.isInteger(step) && step >= 1 }).toEqual({ first: 0, wholeSteps: true });
      expect(ticks).toEqual(ticks.map((_, i) => i * step));
    });
    expect(pageErrors).toEqual([]);
  });
});
