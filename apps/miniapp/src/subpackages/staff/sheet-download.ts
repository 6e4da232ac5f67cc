/**
 * The weekly dispatch as an .xlsx, in the browser build (h5): fetched with the sign-in, then saved
 * through a download link under the API's file name. The weapp build uses ./sheet-download.weapp.ts.
 */
import { ApiError } from '../../api/errors';
import { absoluteUrl, authHeader, errorFromBody, withFreshToken } from '../../requests/media/media-auth';

/** What happened, for the page to say: the browser saved the file / WeChat opened it. */
export type SheetOutcome = 'saved' | 'opened';

/** The UTF-8 file name of a Content-Disposition header (filename*), else its plain one. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8) return decodeURIComponent(utf8[1]);
  const plain = disposition && /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

export async function downloadSheet(path: string, fallbackName: string): Promise<SheetOutcome> {
  const answer = await withFreshToken(async () => {
    let response: Response;
    try {
      response = await fetch(absoluteUrl(path), { headers: authHeader() });
    } catch {
      throw new ApiError('NETWORK', '网络连接不上，表格没有下载下来', 0);
    }
    if (!response.ok) return { status: response.status, text: await response.text(), file: null };
    const name = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
    return { status: response.status, text: '', file: { blob: await response.blob(), name } };
  });
  if (!answer.file) throw errorFromBody(answer.status, answer.text);
  const href = URL.createObjectURL(answer.file.blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = answer.file.name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return 'saved';
}
