/**
 * Opening the app from a village WeChat group happens only in WeChat: outside the weapp build
 * this does nothing. The weapp build uses ./group-entry.weapp.ts.
 */
import type { AppShowOptions } from './village-context';

export function handleAppShow(_options: AppShowOptions | undefined): void {}
