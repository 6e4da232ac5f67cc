import './request.css';
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { UNIT_KIND_LABELS, type UnitKind } from '@gridloop/domain/dist/grid/org';
import { IN_TOWN_TRANSFER_KINDS } from '@gridloop/domain/dist/requests/transfer-scope';
import { messageOf } from '../../api/errors';
import type { UnitRef } from '../../auth/session-store';
import { Input } from '../../components/nutui-forms';
import { childUnits, searchUnits, type UnitMatch } from '../units';

/** Which kinds may be chosen, and which are opened to show what is under them. */
export interface UnitPickerRules {
  selectable: readonly string[];
  opens: readonly string[];
}

/** 代办: a village or small grid (large grids are passed through). */
export const MATTER_UNITS: UnitPickerRules = { selectable: ['village', 'small_grid'], opens: ['town', 'village', 'large_grid'] };
/** 转办: a small grid, village or department of the town (the domain's IN_TOWN_TRANSFER_KINDS). */
export const TRANSFER_UNITS: UnitPickerRules = { selectable: IN_TOWN_TRANSFER_KINDS, opens: ['town', 'village', 'large_grid'] };

function kindLabel(kind: string): string {
  return UNIT_KIND_LABELS[kind as UnitKind] ?? '';
}

/**
 * Units under `root` whose name has `text` (searchUnits), those the rules let one choose or open;
 * null while the answer is on its way. Only the latest answer is kept (typing sends one per change).
 */
function useUnitSearch(root: UnitRef, text: string, rules: UnitPickerRules): { found: UnitMatch[] | null; error: string | null } {
  const [found, setFound] = useState<UnitMatch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setFound(null);
    setError(null);
    if (text.trim() === '') return;
    searchUnits(root.id, text.trim()).then(
      (all) => live && setFound(all.filter((unit) => rules.selectable.includes(unit.kind) || rules.opens.includes(unit.kind))),
      (failure) => live && setError(messageOf(failure)),
    );
    return () => {
      live = false;
    };
  }, [root.id, text, rules]);
  return { found, error };
}

/**
 * Chooses a unit under `root` in place (no page to go to and come back from): the units under
 * the one open, big rows; a row that can be opened shows 下一级 ›, one that can be chosen 选这里.
 * The path walked shows on top; tapping a step goes back there. `searchable`: a box on top finds
 * units by name anywhere under `root` (a town has dozens of villages and hundreds of grids), each
 * with where it lies; one that can only be opened (a large grid) opens in the tree.
 */
export function UnitPicker({
  root,
  rules,
  value,
  onChange,
  searchable = false,
}: {
  root: UnitRef;
  rules: UnitPickerRules;
  value: UnitRef | null;
  onChange(unit: UnitRef): void;
  searchable?: boolean;
}) {
  const [text, setText] = useState('');
  const search = useUnitSearch(root, searchable ? text : '', rules);
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

  const searching = searchable && text.trim() !== '';
  return (
    <View className="unit-picker">
      {searchable && (
        <Input
          className="form-input unit-search"
          value={text}
          onChange={(value) => setText(value)}
          placeholder="搜索名称，如：北孙、第三网格、农业"
          maxLength={32}
          clearable
        />
      )}
      {searching ? (
        <UnitMatches
          {...search}
          rules={rules}
          value={value}
          onChoose={onChange}
          onOpen={(unit) => {
            setPath([root, unit]);
            setText('');
          }}
        />
      ) : (
        <UnitTree path={path} setPath={setPath} list={list} error={error} rules={rules} value={value} onChange={onChange} />
      )}
    </View>
  );
}

/** What a name search found: each name, its kind and where it lies; 选这里 or 下一级 as in the tree. */
function UnitMatches({
  found,
  error,
  rules,
  value,
  onChoose,
  onOpen,
}: {
  found: UnitMatch[] | null;
  error: string | null;
  rules: UnitPickerRules;
  value: UnitRef | null;
  onChoose(unit: UnitRef): void;
  onOpen(unit: UnitRef): void;
}) {
  if (error) return <Text className="form-error">{error}</Text>;
  if (!found) return <Text className="form-hint">正在查找…</Text>;
  if (found.length === 0) return <Text className="form-hint unit-search-none">没有找到这个名称</Text>;
  return (
    <View className="unit-matches">
      {found.map((match) => {
        const unit: UnitRef = { id: match.id, name: match.name, kind: match.kind };
        const canChoose = rules.selectable.includes(match.kind);
        return (
          <View key={match.id} className={`unit-row unit-match ${value?.id === match.id ? 'unit-row--on' : ''}`}>
            <View className="unit-row-name unit-match-name" onClick={() => (canChoose ? onChoose(unit) : onOpen(unit))}>
              <Text className="unit-row-text">{match.name}</Text>
              <Text className="unit-row-kind">{kindLabel(match.kind)}</Text>
              {match.within && <Text className="unit-match-within">{match.within}</Text>}
            </View>
            {!canChoose && (
              <Text className="unit-row-open" onClick={() => onOpen(unit)}>
                下一级 ›
              </Text>
            )}
          </View>
        );
      })}
    </View>
  );
}

/** The tree: the path walked, then the units under the one open. */
function UnitTree({
  path,
  setPath,
  list,
  error,
  rules,
  value,
  onChange,
}: {
  path: UnitRef[];
  setPath(path: UnitRef[]): void;
  list: UnitRef[] | null;
  error: string | null;
  rules: UnitPickerRules;
  value: UnitRef | null;
  onChange(unit: UnitRef): void;
}) {
  return (
    <View className="unit-tree">
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
