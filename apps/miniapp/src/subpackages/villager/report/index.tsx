import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { REQUEST_CATEGORIES, REQUEST_CATEGORY_LABELS, type RequestCategory } from '@gridloop/domain/dist/requests/categories'
import { Button, Toast } from '../../../components/nutui'
import { Input, Switch, TextArea } from '../../../components/nutui-forms'
import { PageShell } from '../../../components/page-shell'
import { ApiError, messageOf } from '../../../api/errors'
import { reloadMe } from '../../../auth/account'
import { useSession, type Me } from '../../../auth/session-store'
import { useCurrentVillage } from '../../../group/village-context'
import { useLoader } from '../../../lib/use-loader'
import { chooseUnitUrl, requestUrl, ROUTES } from '../../../routes'
import { PhotoPicker } from '../../../requests/components/photo-picker'
import { clearDraft, isBlank, newClientRequestId, readDraft, saveDraft, type ReportDraft } from '../../../requests/draft'
import { isRetryable, submitWithRetry } from '../../../requests/submit'
import type { SubmitInput } from '../../../requests/requests-api'
import '../../../requests/components/request.css'
import './index.css'

const TOAST = 'report-toast'
const MAX_TEXT = 2000
const PHONE = /^1[3-9]\d{9}$/

type Sending = { kind: 'idle' } | { kind: 'sending'; retry: number } | { kind: 'failed'; message: string }

function ReportForm({ me }: { me: Me }) {
  const village = useCurrentVillage()
  const unit = village ?? me.homeUnit ?? null
  const [draft, setDraft] = useState<ReportDraft>(() => readDraft(me.id))
  const [uploading, setUploading] = useState(false)
  const [sending, setSending] = useState<Sending>({ kind: 'idle' })
  const [problems, setProblems] = useState<Partial<Record<'category' | 'description' | 'contactPhone' | 'unit', string>>>({})

  // Every change is kept at once: leaving the page or closing the app loses nothing.
  useEffect(() => {
    if (isBlank(draft) && !draft.clientRequestId) clearDraft(me.id)
    else saveDraft(me.id, draft)
  }, [me.id, draft])

  const change = (patch: Partial<ReportDraft>) => setDraft((current) => ({ ...current, ...patch }))

  const check = (): boolean => {
    const found: typeof problems = {}
    if (!draft.category) found.category = '请选择是哪一类事情'
    if (!draft.description.trim()) found.description = '请说一说是什么事'
    if (draft.contactPhone && !PHONE.test(draft.contactPhone)) found.contactPhone = '请填写11位手机号'
    if (!unit) found.unit = '请先选择您所在的村'
    setProblems(found)
    return Object.keys(found).length === 0
  }

  const submit = async () => {
    if (sending.kind === 'sending' || uploading || !check() || !draft.category || !unit) return
    // One id per submission, kept with the draft before the first attempt: any retry, even
    // after the app was closed, returns the same request.
    const clientRequestId = draft.clientRequestId ?? newClientRequestId()
    const kept = { ...draft, clientRequestId }
    setDraft(kept)
    saveDraft(me.id, kept)
    const body: SubmitInput = {
      clientRequestId,
      category: draft.category,
      description: draft.description.trim(),
      unitId: unit.id,
      confidential: draft.confidential,
      ...(draft.addressNote.trim() ? { addressNote: draft.addressNote.trim() } : {}),
      ...(draft.contactPhone ? { contactPhone: draft.contactPhone } : {}),
      ...(draft.photos.length ? { photoIds: draft.photos.map((photo) => photo.id) } : {})
    }
    setSending({ kind: 'sending', retry: 0 })
    try {
      const created = await submitWithRetry(body, (retry) => setSending({ kind: 'sending', retry }))
      // Done: the draft goes (the page is replaced by the request's own, so nothing saves it again).
      clearDraft(me.id)
      Taro.redirectTo({ url: `${requestUrl(ROUTES.myRequest, created.id)}&submitted=1` })
    } catch (error) {
      const message = isRetryable(error)
        ? '网络不好，没有提交成功。内容已保存，请稍后再点“提交”。'
        : error instanceof ApiError && error.code === 'UNIT_NOT_CHOSEN'
          ? '请先选择您所在的村'
          : messageOf(error)
      setSending({ kind: 'failed', message })
    }
  }

  const busy = sending.kind === 'sending'

  return (
    <View className='report'>
      <View className='req-card report-unit'>
        <Text className='form-label'>反映到</Text>
        {unit ? (
          <View className='report-unit-row'>
            <Text className='report-unit-name'>{unit.name}</Text>
            <Text className='report-unit-change' onClick={() => Taro.navigateTo({ url: chooseUnitUrl('home') })}>
              更换 ›
            </Text>
          </View>
        ) : (
          <Button
            className='big-button big-button--plain report-choose-unit'
            type='primary'
            fill='outline'
            block
            onClick={() => Taro.navigateTo({ url: chooseUnitUrl('home') })}
          >
            选择您所在的村
          </Button>
        )}
        {problems.unit && <Text className='form-error'>{problems.unit}</Text>}
      </View>

      <View className='req-card'>
        <Text className='form-label'>是哪一类事情</Text>
        <View className='chips report-categories'>
          {REQUEST_CATEGORIES.map((category: RequestCategory) => (
            <View
              key={category}
              className={`chip report-category ${draft.category === category ? 'chip--on' : ''}`}
              onClick={() => {
                change({ category })
                setProblems((p) => ({ ...p, category: undefined }))
              }}
            >
              <Text className='chip-text'>{REQUEST_CATEGORY_LABELS[category]}</Text>
            </View>
          ))}
        </View>
        {problems.category && <Text className='form-error'>{problems.category}</Text>}
      </View>

      <View className='req-card'>
        <View className='form-field'>
          <Text className='form-label'>什么事</Text>
          <TextArea
            className='form-textarea report-description'
            value={draft.description}
            onChange={(description) => change({ description: description.slice(0, MAX_TEXT) })}
            placeholder='请写清楚是什么事、在哪里、从什么时候开始'
            maxLength={MAX_TEXT}
            showCount
            autoSize
          />
          {problems.description && <Text className='form-error'>{problems.description}</Text>}
        </View>

        <View className='form-field'>
          <Text className='form-label'>照片（可不加，最多9张）</Text>
          <PhotoPicker
            photos={draft.photos}
            onPhotosChange={(update) => setDraft((current) => ({ ...current, photos: update(current.photos) }))}
            onBusyChange={setUploading}
            onError={(message) => Toast.show(TOAST, { content: message, duration: 3 })}
          />
        </View>

        <View className='form-field'>
          <Text className='form-label'>地点（可不填）</Text>
          <Input
            className='form-input report-address'
            value={draft.addressNote}
            onChange={(addressNote) => change({ addressNote })}
            placeholder='例如：村东头大桥边'
            maxLength={200}
          />
        </View>

        <View className='form-field'>
          <Text className='form-label'>联系电话（可不填）</Text>
          <Input
            className='form-input report-phone'
            type='number'
            value={draft.contactPhone}
            onChange={(contactPhone) => {
              change({ contactPhone: contactPhone.replace(/\D/g, '').slice(0, 11) })
              setProblems((p) => ({ ...p, contactPhone: undefined }))
            }}
            placeholder='留个电话，网格员好联系您'
            maxLength={11}
          />
          {problems.contactPhone && <Text className='form-error'>{problems.contactPhone}</Text>}
        </View>

        <View className='report-switch-row'>
          <View className='report-switch-text'>
            <Text className='form-label'>保密</Text>
            <Text className='form-hint'>打开后，这件事不会公开展示</Text>
          </View>
          <Switch className='report-confidential' checked={draft.confidential} onChange={(confidential) => change({ confidential })} />
        </View>
      </View>

      {sending.kind === 'sending' && (
        <View className='req-notice report-sending'>
          <Text className='req-notice-text'>{sending.retry > 0 ? `网络不好，正在重试…（第 ${sending.retry} 次）` : '正在提交…'}</Text>
        </View>
      )}
      {sending.kind === 'failed' && (
        <View className='req-notice report-failed'>
          <Text className='req-notice-text'>{sending.message}</Text>
        </View>
      )}

      <Button className='big-button report-submit' type='primary' block loading={busy} disabled={busy || uploading} onClick={submit}>
        {uploading ? '照片上传中…' : busy ? '正在提交…' : '提交'}
      </Button>
      <Text className='report-draft-note'>没写完也不要紧，内容会自动保存在手机上</Text>
      <Toast id={TOAST} className='req-toast' />
    </View>
  )
}

/** 我要反映: what, where, photos, how to reach me; a draft that survives; a submit that never duplicates. */
export default function ReportPage() {
  const session = useSession()
  // Fresh home village and roles (a sign-in that expired is renewed on the way).
  const loader = useLoader(() => (session ? reloadMe() : Promise.resolve(null)))

  if (!session) {
    return (
      <View className='shell'>
        <View className='shell-state'>
          <Text className='shell-state-text'>请先登录，再反映您的事情</Text>
          <Button className='big-button report-sign-in' type='primary' block onClick={() => Taro.navigateTo({ url: ROUTES.signIn })}>
            登录
          </Button>
        </View>
      </View>
    )
  }
  return (
    <PageShell state={loader.state} onRetry={loader.reload}>
      {(me) => <ReportForm me={me ?? session.me} />}
    </PageShell>
  )
}
