import { useEffect, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/** The current time, ticking every `everyMs` while the page is shown (live countdowns). */
export function useNow(everyMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  const [visible, setVisible] = useState(true);
  useDidShow(() => {
    setVisible(true);
    setNow(new Date());
  });
  useDidHide(() => setVisible(false));
  useEffect(() => {
    if (!visible) return undefined;
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, visible]);
  return now;
}
