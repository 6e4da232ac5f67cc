import './request.css';
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { UNIT_KIND_LABELS, type UnitKind } from '@gridloop/domain/dist/grid/org';
import { messageOf } from '../../api/errors';
import type { UnitRef } from '../../auth/session-store';
import { childUnits } from '../units';

/** Which kinds may be chosen, and which are opened to show what is under them. */
export interface UnitPickerRules {
  selectable: readonly string[];
  opens: readonly string[];
}

/** 代办: a village or small grid (large grids are passed through). */
export const MATTER_UNITS: UnitPickerRules = { selectable: ['village', 'small_grid'], opens: ['town', 'village', 'large_grid'] };
/** 转办: a small grid, village or department of the town. */
export const TRANSFER_UNITS: UnitPickerRules = { selectable: ['village', 'small_grid', 'department'], opens: ['town', 'village', 'large_grid'] };

function kindLabel(kind: string): string {
  return UNIT_KIND_LABELS[kind as UnitKind] ?? '';
}

/**
 * Chooses a unit under `root` in place (no page to go to and come back from): the units under
 * the one open, big rows; a row that can be opened shows 下一级 ›, one that can be chosen 选这里.
 * The path walked shows on top; tapping a step goes back there.
 */
export function UnitPicker({ root, rules, value, onChange }: { root: UnitRef; rules: UnitPickerRules; value: UnitRef | null; onChange(unit: UnitRef): void }) {
  const [path, setPath] = useState<UnitRef[]>([root]);
  const [list, setList] = useState<UnitRef[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = path[path.length - 1] ?? root;

  useEffect(() => {
    let live = true;
    setList(null);
    setError(null);
    childUnits(open.id).then(
      (all) => live && setList(all.filter((unit) => rules.selectable.includes(unit.kind) || rules.opens.includes(unit.kind))),
      (failure) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [open.id, rules]);

  return (
    <View className="unit-picker">
      <View className="unit-path">
        {path.map((unit, i) => (
          <Text key={unit.id} className="unit-path-step" onClick={() => setPath(path.slice(0, i + 1))}>
            {i > 0 ? ' › ' : ''}
            {unit.name}
          </Text>
        ))}
      </View>
      {error && <Text className="form-error">{error}</Text>}
      {!list && !error && <Text className="form-hint">正在加载…</Text>}
      {list && list.length === 0 && <Text className="form-hint">下面没有可选的</Text>}
      {list?.map((unit) => {
        const canOpen = rules.opens.includes(unit.kind);
        const canChoose = rules.selectable.includes(unit.kind);
        return (
          <View key={unit.id} className={`unit-row ${value?.id === unit.id ? 'unit-row--on' : ''}`}>
            <View className="unit-row-name" onClick={() => (canChoose ? onChange(unit) : setPath([...path, unit]))}>
              <Text className="unit-row-text">{unit.name}</Text>
              <Text className="unit-row-kind">{kindLabel(unit.kind)}</Text>
            </View>
            {canOpen && (
              <Text className="unit-row-open" onClick={() => setPath([...path, unit])}>
                下一级 ›
              </Text>
            )}
          </View>
        );
      })}
    </View>
  );
}

/** The chosen unit, or 请选择 (with `hint`), above a picker. */
export function ChosenUnit({ unit, hint }: { unit: UnitRef | null; hint: string }) {
  return (
    <View className="unit-chosen">
      <Text className="form-label">{unit ? '已选：' : hint}</Text>
      {unit && <Text className="unit-chosen-name">{unit.name}</Text>}
    </View>
  );
}
