import type { ComponentProps } from 'react';
import { Toast as NutToast } from '@nutui/nutui-react-taro';
import './toast.css';

type ToastProps = ComponentProps<typeof NutToast>;

/**
 * The app's one toast: NutUI's, pinned to the top of the screen (`app-toast` in toast.css), where
 * no page keeps its action buttons, and letting taps through, so a message never covers or blocks
 * the button a person is reaching for (#17: the middle of the screen is where the buttons are).
 */
function AppToast({ className = '', ...props }: ToastProps) {
  return <NutToast {...props} className={`app-toast ${className}`.trim()} />;
}

export const Toast = Object.assign(AppToast, {
  show: NutToast.show,
  hide: NutToast.hide,
});
