import { useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { useLoader } from '../../lib/use-loader';
import { useSession, type UnitRef } from '../../auth/session-store';
import { reportTowns } from './reports-api';
import './reports.css';

/**
 * The frame of 日报 and 周调度: finds the towns whose reports I read (reportTowns), shows chips
 * when there are several (a county role), and renders the report of the chosen town.
 */
export function ReportTown({ children }: { children(town: UnitRef): ReactNode }) {
  const session = useSession();
  const towns = useLoader(async () => (session ? reportTowns(session.me) : []));
  const [picked, setPicked] = useState<UnitRef | null>(null);
  return (
    <PageShell state={towns.state} onRetry={towns.reload} isEmpty={(list) => list.length === 0} emptyText="您没有查看镇报表的职务">
      {(list) => {
        const town = picked ?? list[0];
        return (
          <View className="report">
            {list.length > 1 && (
              <View className="report-towns">
                {list.map((t) => (
                  <View key={t.id} className={`report-chip ${t.id === town.id ? 'report-chip--on' : ''}`} onClick={() => setPicked(t)}>
                    <Text className="report-chip-text">{t.name}</Text>
                  </View>
                ))}
              </View>
            )}
            {children(town)}
          </View>
        );
      }}
    </PageShell>
  );
}

/** A figure in the row of big numbers at the top of a report. */
export function Figure(props: { label: string; value: number; unit?: string; tone?: 'bad' | 'good' | ''; on?: boolean; onTap?(): void; className?: string }) {
  const { label, value, unit = '件', tone = '', on = false, onTap, className = '' } = props;
  return (
    <View
      className={`report-figure ${tone ? `report-figure--${tone}` : ''} ${onTap ? 'report-figure--tappable' : ''} ${on ? 'report-figure--on' : ''} ${className}`}
      onClick={onTap}
    >
      <Text className="report-figure-value">{value}</Text>
      <Text className="report-figure-label">
        {label}（{unit}）
      </Text>
    </View>
  );
}
