import { Result, Spin } from 'antd';
import { Link } from 'react-router';

export function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip="加载中…">
        <div style={{ height: 48 }} />
      </Spin>
    </div>
  );
}

export function NotFound() {
  return <Result status="404" title="没有这个页面" extra={<Link to="/">回到工作台</Link>} />;
}

export function LoadFailed({ message }: { message: string }) {
  return <Result status="warning" title="没有取到数据" subTitle={message} />;
}
