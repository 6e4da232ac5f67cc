/**
 * NutUI form components (text area, input, switch), kept apart from ./nutui.ts so the home page
 * in the main package does not carry their code and styles: only the subpackage pages that fill
 * in forms import this file. Same rule: each component with its own stylesheet.
 */
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/style.css';

export { Input, Switch, TextArea } from '@nutui/nutui-react-taro';
