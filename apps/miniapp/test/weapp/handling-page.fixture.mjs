// The grid leader's handling page, as several weapp tests open it: who he is and one matter as
// GET /api/requests/10 answers him (RequestDto: the requester masked, 拨打 offered).
import { bootPage } from './harness.mjs';

export const GRID = { id: 205, name: '北孙村第三网格', kind: 'small_grid' };
export const leader = {
  id: 12,
  name: '王建国',
  phoneMasked: '139****0012',
  roles: [{ role: 'grid_leader', roleLabel: '网格巷长', unit: GRID }],
  homeUnit: null,
};
const now = Date.now();

/** The matter as GET /api/requests/10 answers the grid leader (RequestDto): masked, with canCall. */
export const matter = {
  id: 10,
  state: 'submitted',
  stateLabel: '待联系',
  version: 1,
  source: 'villager',
  category: 'environment',
  dutyType: null,
  description: '门口的下水道堵了三天',
  addressNote: null,
  contactPhone: '139****0707',
  requesterName: '郑**',
  canCall: true,
  confidential: false,
  unitId: GRID.id,
  handlerUnitId: GRID.id,
  complexity: null,
  contactDueAt: new Date(now + 50 * 60_000).toISOString(),
  completionDueAt: null,
  contactLate: false,
  completionLate: false,
  rating: null,
  hearts: 0,
  rehandleCount: 0,
  hotlineOrderNo: null,
  cityDueAt: null,
  transferRequested: false,
  escalationRung: 0,
  supervised: false,
  mergedIntoId: null,
  enteredForRequester: false,
  actions: ['accept'],
  resultNote: null,
  unitName: GRID.name,
  handlerUnitName: GRID.name,
  createdAt: new Date(now - 10 * 60_000).toISOString(),
  enteredByName: null,
  timeline: [
    {
      id: 1,
      action: 'submit',
      actorName: '郑**',
      toState: 'submitted',
      note: null,
      public: true,
      photos: [],
      createdAt: new Date(now - 10 * 60_000).toISOString(),
    },
  ],
  voiceNote: null,
};

/** Boots the handling page of matter 10 signed in as the leader; `api` adds to (or overrides) the fake API. */
export function openHandlingPage(body, api = {}) {
  return bootPage('subpackages/handler/request/index', {
    storage: { 'gridloop.session': { accessToken: 'access-12', refreshToken: 'refresh-12', me: leader } },
    query: { id: '10' },
    api: {
      'GET /api/requests/10': () => ({ status: 200, body }),
      'GET /api/requests/10/duplicates': () => ({ status: 200, body: [] }),
      ...api,
    },
  });
}
