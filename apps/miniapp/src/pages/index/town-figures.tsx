import { Text, View } from '@tarojs/components';
import { rateText } from '@gridloop/domain/dist/reports/labels';
import type { components } from '../../api/schema';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Me, UnitRef } from '../../auth/session-store';

export type TownMonth = components['schemas']['TownMonthDto'];

/** The town a town leader leads (their role's unit), or null for anyone else. */
export function ledTown(me: Me): UnitRef | null {
  return me.roles.find((held) => held.role === 'town_leader' && held.unit.kind === 'town')?.unit ?? null;
}

/** getTownMonth: this month so far in the town, as the monthly ranking counts it. */
export function getTownMonth(townId: number): Promise<TownMonth> {
  return unwrap(api.GET('/api/reports/town-month', { params: { query: { townId } } }));
}

/**
 * A town leader's home opens on the month's key figures of the town (受理, 办结, 超期, 满意率),
 * the board's own counts and rate (the API rolls the ranking's counts up to the town). While they
 * load, or if they cannot be read, each shows 「·」.
 */
export function TownFigures({ town, month }: { town: UnitRef; month: TownMonth | null }) {
  const figures: { key: string; label: string; value: string; alarm?: boolean; words?: boolean }[] = [
    { key: 'received', label: '受理', value: month ? `${month.received}` : '·' },
    { key: 'resolved', label: '办结', value: month ? `${month.resolved}` : '·' },
    { key: 'overdue', label: '超期', value: month ? `${month.openOverdue}` : '·', alarm: (month?.openOverdue ?? 0) > 0 },
    { key: 'satisfaction', label: '满意率', value: month ? rateText(month.satisfactionRate) : '·', words: month?.satisfactionRate === null },
  ];
  return (
    <View className="home-card town-figures">
      <Text className="town-figures-title">{month ? `${month.townName} · 本月（${Number(month.month.slice(5))}月）` : `${town.name} · 本月`}</Text>
      <View className="town-figures-row">
        {figures.map((figure) => (
          <View key={figure.key} className={`town-figure town-figure-${figure.key}`}>
            <Text className={`town-figure-value ${figure.alarm ? 'town-figure-value--alarm' : ''} ${figure.words ? 'town-figure-value--words' : ''}`}>
              {figure.value}
            </Text>
            <Text className="town-figure-label">{figure.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
