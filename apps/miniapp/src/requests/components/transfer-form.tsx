import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { messageOf } from '../../api/errors';
import { dispatchAreas } from '../../auth/roles';
import type { Me, UnitRef } from '../../auth/session-store';
import { unitsNamedIn } from '@gridloop/domain/dist/requests/named-units';
import { childUnits, townOf } from '../units';
import { ActionForm } from './action-form';
import { ChosenUnit, TRANSFER_UNITS, UnitPicker } from './unit-picker';

/** The reason proposed with a unit the order names (the dispatcher may change it). */
export function namedReason(unit: UnitRef): string {
  return `工单反映的是${unit.name}的事，请就近办理。`;
}

/**
 * 转办: where to (a small grid, village or department of the dispatcher's town, chosen from the
 * town down) and why (required). With `text` (a 12345 order's content), the villages and
 * departments it names are offered first (「工单里提到」), and when it names just one, that one is
 * chosen with its reason written: one tap to confirm (issue 17's burden budget).
 */
export function TransferForm({
  me,
  busy,
  text,
  onTransfer,
  onCancel,
}: {
  me: Me;
  busy: boolean;
  text?: string;
  onTransfer(target: UnitRef, reason: string): void;
  onCancel(): void;
}) {
  const [town, setTown] = useState<UnitRef | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<UnitRef | null>(null);
  const [missing, setMissing] = useState(false);
  const [named, setNamed] = useState<UnitRef[] | null>(text ? null : []);
  const area = dispatchAreas(me)[0] ?? null;

  // The town's villages and departments the text names (none found, or not loaded: the picker alone).
  useEffect(() => {
    let live = true;
    if (!town || !text) return;
    childUnits(town.id).then(
      (units) => {
        if (!live) return;
        const found = unitsNamedIn(text, units);
        setNamed(found);
        if (found.length === 1) setTarget((chosen) => chosen ?? found[0] ?? null);
      },
      () => live && setNamed([]),
    );
    return () => {
      live = false;
    };
  }, [town, text]);

  useEffect(() => {
    let live = true;
    if (!area) return;
    townOf(area).then(
      (found) => live && setTown(found),
      (failure) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
    // Keyed by the area's id: dispatchAreas builds a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [area?.id]);

  // Wait for the names before the form opens, so a proposed reason is in the note from the start.
  if (named === null && !error && area) return <Text className="form-hint transfer-loading">正在加载…</Text>;
  const proposed = named?.length === 1 ? named[0] : undefined;

  return (
    <ActionForm
      key={proposed?.id ?? 'none'}
      initialNote={proposed ? namedReason(proposed) : ''}
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
      {named && named.length > 0 && (
        <View className="transfer-named">
          <Text className="form-label">工单里提到</Text>
          <View className="chips">
            {named.map((unit) => (
              <View
                key={unit.id}
                className={`chip transfer-named-unit ${target?.id === unit.id ? 'chip--on' : ''}`}
                onClick={() => {
                  setTarget(unit);
                  setMissing(false);
                }}
              >
                <Text className="chip-text">{unit.name}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
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
