/**
 * The NutUI components the app uses, each with only its own stylesheet (NutUI's full
 * dist/style.css is ~230 KB and would land in app.wxss). Import NutUI from here, and add the
 * component's `dist/es/packages/<name>/style/style.css` (plus those its style/css.js pulls in)
 * when adding one.
 */
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/overlay/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/toast/style/style.css';

export { Button, Cell } from '@nutui/nutui-react-taro';
// NutUI's toast, placed where it covers no button (see toast.tsx).
export { Toast } from './toast';
