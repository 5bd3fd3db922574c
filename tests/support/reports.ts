import ExcelJS from 'exceljs';

/** A generated workbook read back with the library that wrote it: each sheet as rows of plain cell values. */
export async function readWorkbook(bytes: Buffer | ArrayBuffer): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  const sheets: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      // row.values is 1-based (index 0 is empty).
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : v)));
    });
    sheets[ws.name] = rows;
  }
  return sheets;
}

/** The workbook's sheet names in order. */
export async function sheetNames(bytes: Buffer | ArrayBuffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb.worksheets.map((ws) => ws.name);
}
