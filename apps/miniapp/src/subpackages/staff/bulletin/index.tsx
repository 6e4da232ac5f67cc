import { useMemo, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Toast } from '../../../components/nutui'
import { PageShell } from '../../../components/page-shell'
import { useLoader } from '../../../lib/use-loader'
import { requestUrl, ROUTES } from '../../../routes'
import { timeText } from '../../../requests/labels'
import { BarChart } from '../charts/bar-chart'
import { Figure, ReportTown } from '../report-town'
import { dailyBulletin, dayAfter, dayText, todayInChina, yesterdayInChina, type DailyBulletin } from '../reports-api'

const TOAST = 'bulletin-toast'
/** Villages charted at most; the rest are summed up in words. */
const VILLAGES_CHARTED = 10

const CLOCK_TEXT: Record<DailyBulletin['overdue'][number]['clock'], string> = {
  contact: '超时未联系',
  completion: '超时未办结'
}

function toBars(counts: DailyBulletin['bySource']) {
  return counts.map((count) => ({ label: count.label, value: count.count }))
}

function Bulletin({ bulletin }: { bulletin: DailyBulletin }) {
  const villages = [...bulletin.byVillage].sort((a, b) => b.count - a.count)
  const villagesLeft = villages.slice(VILLAGES_CHARTED)
  return (
    <View className='bulletin'>
      <View className='report-figures'>
        <Figure label='当天受理' value={bulletin.received} />
        <Figure label='当天办结' value={bulletin.resolved} tone='good' />
        <Figure label='按时联系' value={bulletin.contactsOnTime} tone='good' />
        <Figure label='超时联系' value={bulletin.contactsLate} tone={bulletin.contactsLate > 0 ? 'bad' : ''} />
        <Figure label='日末未办结' value={bulletin.open} />
        <Figure label='日末已超时' value={bulletin.overdue.length} tone={bulletin.overdue.length > 0 ? 'bad' : ''} />
      </View>
      <BarChart id='bulletin-by-source' title='按来源' bars={toBars(bulletin.bySource)} />
      <BarChart id='bulletin-by-category' title='按类别' bars={toBars(bulletin.byCategory)} />
      <BarChart id='bulletin-by-village' title='按村' bars={toBars(villages.slice(0, VILLAGES_CHARTED))} />
      {villagesLeft.length > 0 && (
        <Text className='report-note'>
          另有 {villagesLeft.length} 个村共 {villagesLeft.reduce((sum, v) => sum + v.count, 0)} 件
        </Text>
      )}
      <View className='report-section'>
        <Text className='report-section-title'>日末超时的事（{bulletin.overdue.length} 件）</Text>
        {bulletin.overdue.length === 0 && <Text className='report-note'>没有超时的事</Text>}
        {bulletin.overdue.map((item) => (
          <View key={item.requestId} className='report-item bulletin-overdue' onClick={() => Taro.navigateTo({ url: requestUrl(ROUTES.lookBackRequest, item.requestId) })}>
            <Text className='report-item-name'>{item.unitName}</Text>
            <Text className='report-item-bad'>
              {CLOCK_TEXT[item.clock]} · 应在 {timeText(item.dueAt)} 前
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** One day's bulletin; remounted (key) when the town or day changes. */
function BulletinOfDay({ townId, day }: { townId: number; day: string }) {
  const loader = useLoader(() => dailyBulletin(townId, day), {
    onQuietError: (message) => Toast.show(TOAST, { content: message, duration: 3 })
  })
  return (
    <PageShell state={loader.state} onRetry={loader.reload} className='report-shell'>
      {(bulletin) => <Bulletin bulletin={bulletin} />}
    </PageShell>
  )
}

/**
 * 受理日报 (受理情况一天一通报, getDailyBulletin): a town's day — received by source, category and
 * village as charts, first contacts on time and late, results, open and overdue at the day's end.
 * Any day can be picked; it opens on yesterday (China time), the last whole day.
 */
export default function DailyBulletinPage() {
  const today = useMemo(() => todayInChina(new Date()), [])
  const [day, setDay] = useState(() => yesterdayInChina(new Date()))
  return (
    <ReportTown>
      {(town) => (
        <View>
          <View className='report-header'>
            <Text className='report-title'>{town.name} · 受理情况日报</Text>
            <Text className='report-subtitle'>一天一通报</Text>
          </View>
          <View className='report-day'>
            <View className='report-day-step report-day-before' onClick={() => setDay(dayAfter(day, -1))}>
              <Text className='report-day-arrow'>‹ 前一天</Text>
            </View>
            <Picker mode='date' value={day} end={today} onChange={(event) => setDay(String(event.detail.value))}>
              <Text className='report-day-text'>{dayText(day)}</Text>
            </Picker>
            <View className={`report-day-step report-day-after ${day >= today ? 'report-day-step--off' : ''}`} onClick={() => day < today && setDay(dayAfter(day, 1))}>
              <Text className='report-day-arrow'>后一天 ›</Text>
            </View>
          </View>
          <BulletinOfDay key={`${town.id}-${day}`} townId={town.id} day={day} />
          <Toast id={TOAST} className='report-toast' />
        </View>
      )}
    </ReportTown>
  )
}
