import Taro from '@tarojs/taro';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { UnitRef } from '../../auth/session-store';
import { getGroupEntry, setCurrentVillage, setGroupEntry } from '../../group/village-context';

/** Asks first: a group is bound once, and only an administrator can undo it. */
export async function confirmBinding(unit: UnitRef): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '绑定本群',
    content: `把本群绑定到“${unit.name}”？绑定后不能自行更改。`,
    confirmText: '绑定',
    cancelText: '再想想',
  });
  return confirm;
}

/** Binds the group the app was opened in (its ticket from resolveGroup) to `unit`. */
export async function bindOpenedGroup(unit: UnitRef): Promise<UnitRef> {
  const entry = getGroupEntry();
  if (entry.state !== 'unbound') throw new ApiError('GROUP_TICKET_INVALID', '群信息已过期，请从群里重新打开小程序', 0);
  const group = await unwrap(api.POST('/api/groups/bind', { body: { groupTicket: entry.groupTicket, unitId: unit.id } }));
  const bound = group.unit ?? unit;
  setCurrentVillage(bound);
  setGroupEntry({ state: 'bound', unit: bound });
  return bound;
}
