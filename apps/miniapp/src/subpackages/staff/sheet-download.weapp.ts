/**
 * The weekly dispatch as an .xlsx in WeChat (weapp): wx.downloadFile with the sign-in, then
 * wx.openDocument, whose menu can forward or save it. The browser build uses ./sheet-download.ts.
 */
import Taro from '@tarojs/taro';
import { ApiError } from '../../api/errors';
import { absoluteUrl, authHeader, withFreshToken } from '../../requests/media/media-auth';

export type SheetOutcome = 'saved' | 'opened';

export async function downloadSheet(path: string, _fallbackName: string): Promise<SheetOutcome> {
  const download = () =>
    new Promise<{ status: number; text: string; tempFilePath: string }>((resolve, reject) => {
      Taro.downloadFile({
        url: absoluteUrl(path),
        header: authHeader(),
        success: (result) => resolve({ status: result.statusCode, text: '', tempFilePath: result.tempFilePath }),
        fail: () => reject(new ApiError('NETWORK', '网络连接不上，表格没有下载下来', 0)),
      });
    });
  // A refused download's body lands in the temporary file: any 401 may be an expired token, renew once.
  const answer = await withFreshToken(download, (result) => result.status === 401);
  if (answer.status !== 200)
    throw new ApiError('UNEXPECTED', answer.status === 403 ? '您没有查看这个镇报表的权限' : '表格下载不下来，请稍后再试', answer.status);
  await Taro.openDocument({ filePath: answer.tempFilePath, fileType: 'xlsx', showMenu: true });
  return 'opened';
}
