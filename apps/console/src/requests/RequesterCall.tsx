import { PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { messageOf } from '../api/errors';
import { callRequester, type RequestView } from './request-api';

/**
 * 拨打: the requester's full number, asked of the audited call operation (each ask leaves a row in
 * the phone-view log) and shown here only; everywhere else the number is masked.
 */
export function RequesterCall({ request }: { request: RequestView }) {
  const [phone, setPhone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!request.canCall) return null;
  return (
    <Space direction="vertical" className="requester-call">
      {phone ? (
        <Typography.Text className="requester-phone" copyable strong style={{ fontSize: 20 }}>
          {phone}
        </Typography.Text>
      ) : (
        <Button
          icon={<PhoneOutlined />}
          loading={busy}
          className="requester-call-button"
          onClick={() => {
            setBusy(true);
            setError(null);
            callRequester(request.id).then(
              (number) => setPhone(number),
              (failure: unknown) => {
                setError(messageOf(failure));
                setBusy(false);
              },
            );
          }}
        >
          拨打（显示完整号码，留有记录）
        </Button>
      )}
      {error && <Alert type="error" showIcon message={error} />}
    </Space>
  );
}
