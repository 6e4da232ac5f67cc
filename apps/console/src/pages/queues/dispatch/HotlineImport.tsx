import { InboxOutlined } from '@ant-design/icons';
import { Alert, Progress, Table, Upload } from 'antd';
import { useState } from 'react';
import { messageOf } from '../../../api/errors';
import { SheetRefused, uploadHotlineSheet, type ImportResult, type RowProblem } from './upload-sheet';
import type { UnitRef } from './unit-tree';

type Outcome = { kind: 'imported'; result: ImportResult } | { kind: 'refused'; message: string; rows: readonly RowProblem[] };

const ROW_COLUMNS = [
  { title: '行号', dataIndex: 'row', width: 80 },
  { title: '列', dataIndex: 'column', width: 140 },
  { title: '问题', dataIndex: 'problem' },
];

/**
 * 导入 12345 工单: the city's .xlsx dropped (or chosen) here, uploaded with its progress. A sheet
 * with any wrong cell imports nothing (the API's rule) and its wrong cells show as a table; an
 * imported sheet says how many were new and tells the page to show them in the queue.
 */
export function HotlineImport({ town, onImported }: { town: UnitRef; onImported: () => void }) {
  const [percent, setPercent] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = async (file: File) => {
    setOutcome(null);
    setPercent(0);
    try {
      const result = await uploadHotlineSheet(town.id, file, setPercent);
      setOutcome({ kind: 'imported', result });
      onImported();
    } catch (failure) {
      setOutcome({ kind: 'refused', message: messageOf(failure), rows: failure instanceof SheetRefused ? failure.rows : [] });
    } finally {
      setPercent(null);
    }
  };

  return (
    <div className="hotline-import">
      <Upload.Dragger
        accept=".xlsx"
        multiple={false}
        showUploadList={false}
        disabled={percent !== null}
        customRequest={({ file }) => void upload(file as File)}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">把 12345 平台导出的工单表格（.xlsx）拖到这里，或点击选择文件</p>
        <p className="ant-upload-hint">表头：工单编号、受理时间、来电人、来电号码、诉求类别、诉求内容、办理时限、是否保密；有一行填错，整个表格都不导入</p>
      </Upload.Dragger>
      {percent !== null && <Progress className="hotline-import-progress" percent={percent} status="active" />}
      {outcome?.kind === 'imported' && (
        <Alert
          className="hotline-import-done"
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          message={`导入完成：新增 ${outcome.result.created} 件${outcome.result.unchanged > 0 ? `，${outcome.result.unchanged} 件以前已导入` : ''}`}
        />
      )}
      {outcome?.kind === 'refused' && (
        <div className="hotline-import-refused" style={{ marginTop: 12 }}>
          <Alert type="error" showIcon message="这个表格没有导入，任何工单都没有导入" description={outcome.rows.length > 0 ? undefined : outcome.message} />
          {outcome.rows.length > 0 && (
            <Table
              className="hotline-import-errors"
              size="small"
              style={{ marginTop: 8 }}
              rowKey={(problem) => `${problem.row}-${problem.column}`}
              columns={ROW_COLUMNS}
              dataSource={[...outcome.rows]}
              pagination={outcome.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              title={() => `共 ${outcome.rows.length} 处填写错误，改正后重新导入`}
            />
          )}
        </div>
      )}
    </div>
  );
}
