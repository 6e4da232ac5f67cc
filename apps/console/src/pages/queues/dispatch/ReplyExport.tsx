import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client';
import { messageOf, unwrap } from '../../../api/errors';
import { saveFile } from '../../../lib/save-file';
import type { UnitRef } from './unit-tree';

/**
 * 导出回复: the replies to the city for the orders it took on the chosen days (China time), as the
 * API's printable .xlsx (exportHotlineReplies). The last seven days by default.
 */
export function ReplyExport({ town }: { town: UnitRef }) {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(6, 'day'), dayjs()]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const download = async () => {
    const [from, to] = range.map((day) => day.format('YYYY-MM-DD')) as [string, string];
    setBusy(true);
    setError(null);
    try {
      const blob = await unwrap(api.GET('/api/hotline/replies.xlsx', { params: { query: { townId: town.id, from, to } }, parseAs: 'blob' }));
      saveFile(blob as unknown as Blob, `12345工单回复_${town.name}_${from}至${to}.xlsx`);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reply-export">
      <Space wrap>
        <span>城市受理日期</span>
        <DatePicker.RangePicker
          className="reply-export-range"
          value={range}
          allowClear={false}
          onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
        />
        <Button className="reply-export-download" icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
          导出回复（.xlsx）
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
    </div>
  );
}
