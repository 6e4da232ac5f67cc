import { StreamableFile } from '@nestjs/common';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx download named `fileName` (Chinese is fine), with `asciiFileName` for old clients. */
export function xlsxDownload(content: Buffer, fileName: string, asciiFileName: string): StreamableFile {
  return new StreamableFile(content, {
    type: XLSX_CONTENT_TYPE,
    disposition: xlsxDisposition(fileName, asciiFileName),
    length: content.length,
  });
}

/** The Content-Disposition of an attachment named `fileName`, `asciiFileName` for old clients (a streamed download sets it itself). */
export function xlsxDisposition(fileName: string, asciiFileName: string): string {
  return `attachment; filename="${asciiFileName}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** RFC 5987 value-chars: percent-encoded UTF-8, with the few characters encodeURIComponent leaves that it must not. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
