import { useCallback, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Button, Cell, Toast } from '../../components/nutui'
import { checkHealth, type ServiceState } from '../../api/health'
import './index.css'

const STATUS_TEXT: Record<ServiceState, string> = {
  checking: '正在检查…',
  up: '服务正常',
  down: '服务暂不可用'
}

export default function Index() {
  const [service, setService] = useState<ServiceState>('checking')
  const latest = useRef(0)

  const refreshStatus = useCallback(() => {
    const attempt = ++latest.current
    setService('checking')
    checkHealth().then((state) => {
      if (attempt === latest.current) setService(state)
    })
  }, [])

  // Also re-checks when the user comes back to the page.
  useDidShow(refreshStatus)

  const onReport = () => {
    Toast.show('home-toast', { content: '即将开放', duration: 2 })
  }

  return (
    <View className='home'>
      <View className='home-header'>
        <Text className='home-title'>网格通</Text>
        <Text className='home-subtitle'>台头镇 · 有事找网格</Text>
      </View>

      <View className='home-intro'>
        <Text className='home-intro-line'>遇到难事、烦心事，在这里反映。</Text>
        <Text className='home-intro-line'>网格巷长及时办理，镇热线办跟踪回访。</Text>
      </View>

      <Button className='home-report' type='primary' size='xlarge' block onClick={onReport}>
        我要反映诉求
      </Button>

      <Cell
        className='home-status'
        title='服务状态'
        extra={
          <View className={`home-status-value home-status-value--${service}`}>
            <View className='home-status-dot' />
            <Text className='home-status-text'>{STATUS_TEXT[service]}</Text>
          </View>
        }
        clickable={service === 'down'}
        onClick={service === 'down' ? refreshStatus : undefined}
      />
      {service === 'down' && <Text className='home-status-hint'>轻点上方可重新检查</Text>}

      <Toast id='home-toast' className='home-toast' />
    </View>
  )
}
