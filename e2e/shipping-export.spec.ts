import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import type { OrderDetail } from '../src/contracts/orders';
import type { ShippingExportFormList } from '../src/contracts/shipping-export';
import { COURIER_EXPORT_CODES, COURIER_EXPORT_FORMATS, type ShippingField } from '../src/domain/courier-export-formats';
import { csrfHeaders } from './support/api-session';
import { inBatches, ShopApi, uniqueName } from './support/list-api';
import { expectTotal, orderNumbers, search } from './support/list-ui';
import { signIn } from './support/session';

/**
 * 송장 출력 from the order list at desktop size: every courier's file downloaded and read back
 * cell by cell, the returned file uploaded through 송장 일괄 등록 as it is, and a shop form saved
 * in the editor and exported with.
 */
test.describe.configure({ mode: 'serial' });

let api: ShopApi;
test.beforeAll(async () => {
  api = await ShopApi.open(String(test.info().project.use.baseURL));
});
test.afterAll(() => api.dispose());

async function readSheet(path: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}
const cells = (sheet: ExcelJS.Worksheet, r: number) => Array.from({ length: sheet.columnCount }, (_, i) => sheet.getRow(r).getCell(i + 1).value ?? null);

/** What each field reads for an order placed by ShopApi.placeOrder (one parcel, one item). */
function fieldsOf(order: OrderDetail, name: string): Record<ShippingField, string | number | null> {
  return {
    parcelId: String(order.shipmentGroups[0]!.id), orderNumber: order.orderNumber, orderedAt: null, ordererName: name, ordererPhone: '010-5821-0417',
    recipientName: name, recipientPhone: '010-5821-0417', postcode: '04524', address: '서울특별시 중구 세종대로 110 3층', addressRoad: '서울특별시 중구 세종대로 110',
    addressDetail: '3층', deliveryMemo: null, items: '송장 면 양말 x 1', productName: '송장 면 양말', optionName: null, quantity: 1,
    itemNumber: String(order.items[0]!.id), boxCount: 1, trackingNumber: null,
  };
}

async function downloadFrom(page: Page, path: string): Promise<{ sheet: ExcelJS.Worksheet; fileName: string }> {
  const dialog = page.getByRole('dialog', { name: '엑셀 다운로드' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '다운로드' }).click();
  const download = await downloading;
  await download.saveAs(path);
  await expect(dialog).toBeHidden();
  return { sheet: await readSheet(path), fileName: download.suggestedFilename() };
}

test('송장 출력: every courier’s file read back cell by cell; the courier’s returned file ships the parcels', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const name = uniqueName('송장출력');
  const placed = await inBatches(2, 2, () => api.placeOrder({ name, itemName: '송장 면 양말' }));
  await signIn(page);
  await search(page, name);
  await expectTotal(page, 2);
  const inList = await orderNumbers(page);
  const rowsInOrder = inList.map((n) => fieldsOf(placed.find((o) => o.orderNumber === n)!, name));

  let cjFile = '';
  for (const code of COURIER_EXPORT_CODES) {
    const format = COURIER_EXPORT_FORMATS[code];
    await page.getByRole('button', { name: '송장 출력' }).click();
    const dialog = page.getByRole('dialog', { name: '엑셀 다운로드' });
    await dialog.getByLabel('양식').selectOption(`courier:${code}`);
    await expect(dialog.getByTestId('export-columns')).toHaveText(format.columns.map((c) => c.header).join(' · '));
    if (code === 'CJ') await page.screenshot({ path: 'e2e/screenshots/shipping-export.png' });
    const path = testInfo.outputPath(`${code}.xlsx`);
    const { sheet, fileName } = await downloadFrom(page, path);
    expect(fileName).toMatch(new RegExp(`^송장출력_${format.ko}_\\d{8}_\\d{4}\\.xlsx$`));
    expect(cells(sheet, 1), code).toEqual(format.columns.map((c) => c.header));
    expect(sheet.actualRowCount, code).toBe(3);
    for (const [i, fields] of rowsInOrder.entries()) expect(cells(sheet, i + 2), `${code} row ${i + 2}`).toEqual(format.columns.map((c) => fields[c.field]));
    if (code === 'CJ') cjFile = path;
  }

  // CJ's program hands the file back with 운송장번호 added; it goes to 송장 일괄 등록 as it is
  const returned = await readSheet(cjFile);
  const column = returned.columnCount + 1;
  returned.getRow(1).getCell(column).value = '운송장번호';
  returned.getRow(2).getCell(column).value = '651000000001';
  returned.getRow(3).getCell(column).value = '651000000002';
  const buffer = Buffer.from(await returned.workbook.xlsx.writeBuffer());
  await page.getByRole('button', { name: '송장 일괄 등록' }).click();
  const upload = page.getByRole('dialog', { name: '송장 일괄 등록' });
  await upload.getByLabel('엑셀 파일').setInputFiles({ name: 'CJ_결과.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
  await upload.getByRole('button', { name: '등록', exact: true }).click();
  await expect(upload.getByTestId('tracking-totals')).toHaveText('2행 중 2행 등록, 0행 실패');
  for (const order of placed) {
    const after = await api.order(order.id);
    expect(after.shipmentGroups.map((g) => [g.status, g.courier])).toEqual([['shipping', 'CJ']]);
  }
});

test('a shop form saved in the editor (renamed, reordered, a row per item) exports with its columns', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const name = uniqueName('우리양식');
  const [order] = await inBatches(1, 1, () => api.placeOrder({ name, itemName: '송장 면 양말' }));
  const formName = `창고 ${Date.now() % 100_000}`;
  await signIn(page);
  await search(page, name);
  await expectTotal(page, 1);
  try {
    await page.getByRole('button', { name: '송장 출력' }).click();
    const dialog = page.getByRole('dialog', { name: '엑셀 다운로드' });
    await dialog.getByRole('button', { name: '양식 관리' }).click();
    const editor = page.getByRole('dialog', { name: '송장 출력 양식 관리' });
    await editor.getByLabel('양식 이름').fill(formName);
    await editor.getByRole('radio', { name: '상품마다 한 행' }).check();
    // starter: 받는분 성명, 받는분 전화번호, 우편번호, 주소, 품목명, 수량, 배송메세지, 배송그룹번호, 주문번호
    await editor.getByLabel('열 이름 1', { exact: true }).fill('받는 사람');
    await editor.getByLabel('항목 5', { exact: true }).selectOption('productName');
    await editor.getByRole('button', { name: '삭제 7', exact: true }).click(); // 배송메세지
    await editor.getByRole('button', { name: '위로 8', exact: true }).click(); // 주문번호 above 배송그룹번호
    await page.screenshot({ path: 'e2e/screenshots/shipping-form-editor.png' });
    await editor.getByRole('button', { name: '저장', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `'${formName}' 양식을 저장했습니다.` })).toBeVisible();
    await editor.getByRole('button', { name: '닫기' }).last().click();
    await expect(editor).toBeHidden();

    await expect(dialog.getByLabel('양식')).toHaveValue(/^form:\d+$/);
    const headers = ['받는 사람', '받는분 전화번호', '우편번호', '주소', '상품명', '수량', '주문번호', '배송그룹번호'];
    await expect(dialog.getByTestId('export-columns')).toHaveText(headers.join(' · '));
    const { sheet } = await downloadFrom(page, testInfo.outputPath('shop-form.xlsx'));
    expect(cells(sheet, 1)).toEqual(headers);
    const f = fieldsOf(order!, name);
    expect(cells(sheet, 2)).toEqual([f.recipientName, f.recipientPhone, f.postcode, f.address, f.productName, f.quantity, f.orderNumber, f.parcelId]);
    expect(sheet.actualRowCount).toBe(2);
  } finally {
    const { forms } = (await (await page.request.get('/api/v1/shipping-export-forms')).json()) as ShippingExportFormList;
    const saved = forms.find((x) => x.name === formName);
    if (saved) await page.request.delete(`/api/v1/shipping-export-forms/${saved.id}`, { headers: await csrfHeaders(page.request) });
  }
});
