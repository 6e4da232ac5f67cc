/** Page URLs. The account pages live in a subpackage (app.config.ts), loaded on first use. */
export const ROUTES = {
  home: '/pages/index/index',
  signIn: '/subpackages/account/sign-in/index',
  me: '/subpackages/account/me/index',
  chooseUnit: '/subpackages/account/choose-unit/index',
  bindGroup: '/subpackages/account/bind-group/index'
} as const

/** Why the village picker was opened; it decides what choosing a unit does. */
export type ChooseUnitPurpose =
  /** 我的 → 更换: my home village or small grid (setHomeUnit). */
  | 'home'
  /** 绑定本群: the unit a village group serves (bindGroup). */
  | 'bind'
  /** The group could not be recognised: where am I (setHomeUnit when signed in, and here on the phone). */
  | 'village'

export function chooseUnitUrl(purpose: ChooseUnitPurpose, root?: { id: number; name: string; kind: string }): string {
  const query = [`purpose=${purpose}`]
  if (root) query.push(`rootId=${root.id}`, `rootName=${encodeURIComponent(root.name)}`, `rootKind=${root.kind}`)
  return `${ROUTES.chooseUnit}?${query.join('&')}`
}
