import { Toast } from '../../components/nutui';
import { messageOf } from '../../api/errors';

/** Shows a failed call's Chinese message (the API's own text) in the page's toast. */
export function showError(toastId: string, error: unknown): void {
  Toast.show(toastId, { content: messageOf(error), duration: 3 });
}

export function showMessage(toastId: string, content: string): void {
  Toast.show(toastId, { content, duration: 2 });
}
