import Taro from '@tarojs/taro';
import { api } from '../api/client';
import { ApiError, messageOf, unwrap } from '../api/errors';
import { reloadMe } from '../auth/account';
import { getSession } from '../auth/session-store';
import { freshLoginCode, signInWithWechat } from '../auth/wechat-sign-in';
import { getGroupEntry, setCurrentVillage, setGroupEntry, type AppShowOptions } from './village-context';

/** Scene 1044: opened from a card shared with a shareTicket, i.e. inside a group chat. */
const GROUP_CARD_SCENE = 1044;

let handledTicket: string | null = null;

interface EncryptedGroupInfo {
  encryptedData: string;
  iv: string;
}

function asEncrypted(value: unknown): EncryptedGroupInfo | null {
  const info = value as Partial<EncryptedGroupInfo> | null | undefined;
  return info && typeof info.encryptedData === 'string' && typeof info.iv === 'string' ? { encryptedData: info.encryptedData, iv: info.iv } : null;
}

/**
 * The group's encrypted id: getGroupEnterInfo (which reads the group the app was opened in),
 * else getShareInfo with the shareTicket (older base libraries).
 */
async function groupInfo(shareTicket: string): Promise<EncryptedGroupInfo> {
  try {
    const info = asEncrypted(await Taro.getGroupEnterInfo({}));
    if (info) return info;
  } catch {
    // fall through to getShareInfo
  }
  const info = asEncrypted(await Taro.getShareInfo({ shareTicket }));
  if (!info) throw new ApiError('WECHAT_DECRYPT_FAILED', '无法识别这个群，请手动选择所在的村', 0);
  return info;
}

async function resolve(shareTicket: string): Promise<void> {
  setGroupEntry({ state: 'resolving' });
  try {
    // resolveGroup needs a signed-in caller; in WeChat signing in is silent.
    if (!getSession()) await signInWithWechat();
    // Log in first, then read the group: the data must be sealed with this login's session key.
    const code = await freshLoginCode();
    const { encryptedData, iv } = await groupInfo(shareTicket);
    const group = await unwrap(api.POST('/api/groups/resolve', { body: { code, encryptedData, iv } }));
    if (group.bound && group.unit) {
      setCurrentVillage(group.unit);
      setGroupEntry({ state: 'bound', unit: group.unit });
      // A villager without a home was just placed in this village by the API.
      reloadMe().catch(() => undefined);
    } else {
      setGroupEntry({ state: 'unbound', groupTicket: group.groupTicket });
    }
  } catch (error) {
    if (error instanceof ApiError && error.code === 'WECHAT_DECRYPT_FAILED') {
      setGroupEntry({ state: 'unrecognised', message: error.message });
    } else {
      handledTicket = null; // let the next show try again
      setGroupEntry({ state: 'failed', message: messageOf(error) });
    }
  }
}

/** App onShow: when opened from a group card, find out which village the group serves. */
export function handleAppShow(options: AppShowOptions | undefined): void {
  const shareTicket = options?.shareTicket;
  if (options?.scene !== GROUP_CARD_SCENE || !shareTicket) return;
  if (shareTicket === handledTicket || getGroupEntry().state === 'resolving') return;
  handledTicket = shareTicket;
  void resolve(shareTicket);
}
