/**
 * Calling a number from the browser build (h5). The weapp build uses ./phone-call.weapp.ts.
 *
 * A phone's browser hands a tel: link to its dialer. A desktop browser has no dialer: it answers
 * tel: with an "open an app?" prompt that stays pending and then blocks file pickers on the page,
 * so there the number is only shown (it is on the page in full) for dialling by hand.
 */
export type CallOutcome = 'dialling' | 'dial-by-hand';

function hasDialer(): boolean {
  return /Android|iPhone|iPad|iPod|Mobile|HarmonyOS/i.test(navigator.userAgent);
}

export async function callPhone(phoneNumber: string): Promise<CallOutcome> {
  if (!hasDialer()) return 'dial-by-hand';
  window.location.href = `tel:${phoneNumber}`;
  return 'dialling';
}
