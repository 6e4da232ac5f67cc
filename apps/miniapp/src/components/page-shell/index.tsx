import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../nutui';
import type { Loaded } from '../../lib/use-loader';
import { useTextRootClass } from '../../lib/text-size';
import './page-shell.css';

export interface PageShellProps<T> {
  state: Loaded<T>;
  onRetry(): void;
  /** When the loaded data counts as "nothing here" (an empty list). */
  isEmpty?(data: T): boolean;
  emptyText?: string;
  /** Shown under the empty text, e.g. a button to start something. */
  emptyAction?: ReactNode;
  children(data: T): ReactNode;
  className?: string;
}

/**
 * The frame of every page that loads something: a loading line, the API's Chinese message with
 * 重试, an empty state, or the page itself. Pull-to-refresh comes from `useLoader` and the page's
 * `enablePullDownRefresh` (下拉刷新).
 */
export function PageShell<T>({ state, onRetry, isEmpty, emptyText = '这里还没有内容', emptyAction, children, className = '' }: PageShellProps<T>) {
  const textRoot = useTextRootClass();
  let body: ReactNode;
  if (state.kind === 'loading') {
    body = (
      <View className="shell-state shell-loading">
        <View className="shell-spinner" />
        <Text className="shell-state-text">正在加载…</Text>
      </View>
    );
  } else if (state.kind === 'error') {
    body = (
      <View className="shell-state shell-error">
        <Text className="shell-error-text">{state.message}</Text>
        <Button className="shell-button shell-retry" type="primary" fill="outline" block onClick={onRetry}>
          重试
        </Button>
      </View>
    );
  } else if (isEmpty?.(state.data)) {
    body = (
      <View className="shell-state shell-empty">
        <Text className="shell-state-text">{emptyText}</Text>
        {emptyAction}
        <Text className="shell-hint">下拉可以刷新</Text>
      </View>
    );
  } else {
    body = children(state.data);
  }
  return <View className={`shell ${textRoot} ${className}`}>{body}</View>;
}
