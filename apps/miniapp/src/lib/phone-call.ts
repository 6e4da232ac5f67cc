/**
 * Dialling from the browser build (h5); the weapp build uses ./phone-call.weapp.ts.
 *
 * A tel: link hands the number to the phone's dialer (on a desk, to whatever handles calls there).
 * It is followed as a link the page clicks, not by setting location, so the page stays as it is.
 */
export async function callPhone(phoneNumber: string): Promise<void> {
  const link = document.createElement('a');
  link.href = `tel:${phoneNumber}`;
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
  }
}
