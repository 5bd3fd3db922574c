import Taro from '@tarojs/taro';
import type { TReportFile } from '../../../types/reports';

/**
 * Opens a report the `reports` function just generated (docs/reports.md):
 * - H5: the gateway serves the file behind a ten-minute link; a link click with `download` saves it under its name.
 * - WeChat: the workbook sits in CloudBase cloud storage. Download it by fileID (the cloud channel, no domain
 *   whitelist), or through its temporary URL when the storage rules keep the file from the client, then show it
 *   with the system viewer (`openDocument`, whose menu can save or forward it).
 * The branch is on the literal `process.env.TARO_ENV` at the top level, so each build keeps only its own path.
 */
export const openReport: (file: TReportFile) => Promise<void> =
  process.env.TARO_ENV === 'weapp' ? openInWeapp : downloadInH5;

/** A failure to fetch or show the file, in words for the person. */
export class ReportOpenError extends Error {}

/** A link that has run out (ten minutes): the page generates the report again instead of failing on it. */
export function isExpired(file: TReportFile, now = Date.now()): boolean {
  return file.expiresAt - now < 30_000;
}

async function downloadInH5(file: TReportFile): Promise<void> {
  const a = document.createElement('a');
  a.href = file.url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

async function downloadInWeapp(file: TReportFile): Promise<string> {
  try {
    const { tempFilePath } = await Taro.cloud.downloadFile({ fileID: file.fileId });
    if (tempFilePath) return tempFilePath;
  } catch {
    // The storage rules may keep function-written files from the client: the temporary URL still works.
  }
  const res = await Taro.downloadFile({ url: file.url });
  if (res.statusCode !== 200) throw new ReportOpenError('报表下载失败，请重新生成后再试');
  return res.tempFilePath;
}

async function openInWeapp(file: TReportFile): Promise<void> {
  let filePath: string;
  try {
    filePath = await downloadInWeapp(file);
  } catch {
    throw new ReportOpenError('报表下载失败，请检查网络后重新生成');
  }
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
  } catch {
    throw new ReportOpenError('手机上打不开这个表格，请在电脑上用微信打开，或重新生成');
  }
}
