import type { PropsWithChildren } from 'react';
import { useDidShow } from '@tarojs/taro';
import { handleAppShow } from './group/group-entry';
import './app.css';

function App({ children }: PropsWithChildren) {
  // Opened from a village group card (weapp, scene 1044 with a shareTicket): find the village.
  // Outside WeChat handleAppShow does nothing (./group/group-entry.ts).
  useDidShow((options) => handleAppShow(options));
  // children is the page being rendered
  return children;
}

export default App;
