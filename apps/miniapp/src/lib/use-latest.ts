import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A value read from the API and read again on `refresh()`: only the latest read's answer is kept
 * (an earlier, slower one never overwrites it), and a failed read leaves the value as it was.
 * Without a reader (signed out) the value is `empty`.
 */
export function useLatest<T>(read: (() => Promise<T>) | null, empty: T): [T, () => void] {
  const [value, setValue] = useState<T>(empty);
  const asked = useRef(0);
  const refresh = useCallback(() => {
    const attempt = ++asked.current;
    if (read === null) {
      setValue(empty);
      return;
    }
    read().then(
      (answer) => {
        if (attempt === asked.current) setValue(answer);
      },
      () => undefined,
    );
    // `empty` is a constant of the caller's; `read` changes with who is signed in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [read]);
  useEffect(refresh, [refresh]);
  return [value, refresh];
}
