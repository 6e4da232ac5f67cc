/**
 * NutUI's Popup (a sheet from the bottom), kept apart from ./nutui.ts so the home page in the main
 * package does not carry it: only request pages in subpackages open one. Its stylesheet with it.
 */
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/style.css';

export { Popup } from '@nutui/nutui-react-taro';
