import './request.css';
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui';
import { categoryLabel, timeText } from '../labels';
import { listDuplicateCandidates, type DuplicateCandidate, type RequestView } from '../requests-api';
import { ActionForm } from './action-form';

/**
 * 疑似重复: open matters of the same grid that look like this one, with how alike (a share); with
 * `merge` in the actions, 合并 into one of them after a confirmation. Hidden when there are none
 * (or they cannot be loaded: a hint, never in the way of handling).
 */
export function DuplicateCandidates({
  request,
  busy,
  onMerge,
}: {
  request: RequestView;
  busy: boolean;
  onMerge(target: DuplicateCandidate): Promise<boolean>;
}) {
  const [list, setList] = useState<DuplicateCandidate[]>([]);
  const [confirming, setConfirming] = useState<DuplicateCandidate | null>(null);
  const canMerge = request.actions.includes('merge');

  useEffect(() => {
    let live = true;
    listDuplicateCandidates(request.id).then(
      (found) => live && setList(found),
      () => live && setList([]),
    );
    return () => {
      live = false;
    };
  }, [request.id, request.version]);

  if (list.length === 0) return null;
  return (
    <View className="req-card duplicates">
      <Text className="req-card-title">疑似重复（{list.length} 件）</Text>
      {list.map((candidate) => (
        <View key={candidate.id} className="duplicate-row">
          <View className="duplicate-head">
            <Text className="duplicate-score">相似 {Math.round(candidate.score * 100)}%</Text>
            <Text className="duplicate-meta">
              {categoryLabel(candidate.category)} · {candidate.stateLabel} · {timeText(candidate.createdAt)}
            </Text>
          </View>
          <Text className="duplicate-text">{candidate.description}</Text>
          {candidate.addressNote && <Text className="duplicate-meta">地点：{candidate.addressNote}</Text>}
          {canMerge && confirming?.id !== candidate.id && (
            <Button className="big-button big-button--plain duplicate-merge" type="primary" fill="outline" block onClick={() => setConfirming(candidate)}>
              合并到这件
            </Button>
          )}
          {confirming?.id === candidate.id && (
            <ActionForm
              action="merge"
              title="确定合并吗？这件事会关闭，反映人会跟着那一件看进度"
              confirmText="确定合并"
              tone="warning"
              busy={busy}
              onCancel={() => setConfirming(null)}
              onSubmit={async () => {
                if (await onMerge(candidate)) setConfirming(null);
              }}
              className="merge-form"
            />
          )}
        </View>
      ))}
    </View>
  );
}
