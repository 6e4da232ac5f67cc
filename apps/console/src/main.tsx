import { App, ConfigProvider } from 'antd';
// The ES build of the locale: the CommonJS one (antd/locale) reached ConfigProvider wrapped in a
// default export under Vite, so antd's own words (Preview, Start date) stayed English.
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './router';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN}>
      {/* App: antd's message and modal under the locale and theme (App.useApp). */}
      <App>
        <RouterProvider router={router} />
      </App>
    </ConfigProvider>
  </StrictMode>,
);
