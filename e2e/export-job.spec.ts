import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { staff } from './support/accounts';
import { inBatches, ShopApi, uniqueName } from './support/list-api';
import { expectTotal, search } from './support/list-ui';
import { signIn } from './support/session';

/**
 * 엑셀 다운로드 of more orders than the server streams on the spot (5 on the browser tests' server,
 * e2e/support/start-server.ts): the server answers with a job, the dialog shows 진행률 N/M건 while
 * it is written, and the file saves itself when it is done.
 */
let api: ShopApi;
test.beforeAll(async () => {
  api = await ShopApi.open(String(test.info().project.use.baseURL));
});
test.afterAll(async () => {
  await api.dispose();
});

test('a large 엑셀 다운로드 becomes a job: 진행률 N/M건, then the file is saved', async ({ page }, testInfo) => {
  const name = uniqueName('엑셀작업');
  const orders = await inBatches(8, 4, (i) => api.placeOrder({ name, itemName: `작업 상품 ${i + 1}` }));
  await signIn(page, staff(5));
  await search(page, name);
  await expectTotal(page, 8);

  await page.getByRole('button', { name: '엑셀 다운로드' }).click();
  const dialog = page.getByRole('dialog', { name: '엑셀 다운로드' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '다운로드' }).click();
  await expect(dialog.getByRole('status')).toContainText(/진행률 \d\/8건/);
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^주문목록_\d{8}_\d{4}\.xlsx$/);
  const file = testInfo.outputPath('job.xlsx');
  await download.saveAs(file);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '파일을 저장했습니다.' })).toBeVisible();

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const numberColumn = header.indexOf('주문번호') + 1;
  const numbers = Array.from({ length: sheet.actualRowCount - 1 }, (_, i) => String(sheet.getRow(i + 2).getCell(numberColumn).value));
  expect(numbers.sort()).toEqual(orders.map((o) => o.orderNumber).sort());
});
