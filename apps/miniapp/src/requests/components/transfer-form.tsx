import { useEffect, useState } from 'react';
import { Text } from '@tarojs/components';
import { messageOf } from '../../api/errors';
import { dispatchAreas } from '../../auth/roles';
import type { Me, UnitRef } from '../../auth/session-store';
import { townOf } from '../units';
import { ActionForm } from './action-form';
import { ChosenUnit, TRANSFER_UNITS, UnitPicker } from './unit-picker';

/**
 * 转办: where to (a small grid, village or department of the dispatcher's town, chosen from the
 * town down) and why (required).
 */
export function TransferForm({
  me,
  busy,
  onTransfer,
  onCancel,
}: {
  me: Me;
  busy: boolean;
  onTransfer(target: UnitRef, reason: string): void;
  onCancel(): void;
}) {
  const [town, setTown] = useState<UnitRef | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<UnitRef | null>(null);
  const [missing, setMissing] = useState(false);
  const area = dispatchAreas(me)[0] ?? null;

  useEffect(() => {
    let live = true;
    if (!area) return;
    townOf(area).then(
      (found) => live && (found ? setTown(found) : setError('没有找到您所在的镇')),
      (failure) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
    // Keyed by the area's id: dispatchAreas builds a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [area?.id]);

  return (
    <ActionForm
      action="transfer"
      title="转办"
      confirmText="确定转办"
      noteLabel="转办原因"
      notePlaceholder="为什么转给他们办"
      busy={busy}
      onCancel={onCancel}
      onSubmit={(values) => {
        if (!target) {
          setMissing(true);
          return;
        }
        onTransfer(target, values.note);
      }}
      className="transfer-form"
    >
      <ChosenUnit unit={target} hint="转给谁：请选择网格、村或镇直部门" />
      {error && <Text className="form-error">{error}</Text>}
      {town && (
        <UnitPicker
          root={town}
          rules={TRANSFER_UNITS}
          searchable
          value={target}
          onChange={(unit) => {
            setTarget(unit);
            setMissing(false);
          }}
        />
      )}
      {missing && <Text className="form-error">请选择转给谁</Text>}
    </ActionForm>
  );
}
