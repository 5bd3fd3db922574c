import type ExcelJS from 'exceljs';

/** The look every report sheet shares: a bold, filled, frozen header row and columns wide enough for Chinese. */
export function addTable(wb: ExcelJS.Workbook, name: string, columns: Array<[header: string, width: number]>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
  head.height = 32;
  return ws;
}

/** A 合计 row: bold, with a line above it. */
export function addTotalRow(ws: ExcelJS.Worksheet, values: Array<string | number>): void {
  const row = ws.addRow(values);
  row.font = { bold: true };
  row.border = { top: { style: 'thin' } };
}

/** The 说明 sheet: one label and one value a row. */
export function addNotes(wb: ExcelJS.Workbook, rows: Array<[label: string, value: string]>): void {
  const ws = wb.addWorksheet('说明');
  ws.columns = [{ width: 16 }, { width: 70 }];
  for (const [label, value] of rows) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-28` in China time. */
export function chinaDate(ms: number): string {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `2026-11-28 10:00` in China time. */
export function chinaDateTime(ms: number): string {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return `${chinaDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** Volunteer minutes as hours with one decimal (totals are summed in minutes first, so rows and totals agree). */
export const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
