import {
  CATEGORY_DEFAULT_COMPLEXITY,
  contactDueFrom,
  DUTY_TYPE_LABELS,
  DUTY_TYPES,
  nextState,
  START_STATE,
  stepChanges,
  stepDeadline,
  workingDeadline,
  type DutyType,
  type Rating,
  type RequestAction,
  type RequestCategory,
  type RequestSource,
  type RequestState,
  type StepChanges,
} from '@gridloop/domain';

/**
 * A year of a county's activity, planned deterministically from a seed: who raised what, when, and
 * every step each matter then took, in the proportions the article gives (about 1,200 patrol
 * findings a year in Taitou's 662 grids, contact within the hour and results within their working
 * days for most, some late, ratings mostly satisfied, a few reopened, transferred, merged,
 * withdrawn or rejected). Pure: the writer (year-writer.ts) turns it into rows, and the fields
 * each step changes come from the domain's `stepChanges`, the same as the API's steps.
 */

export interface ActivityGrid {
  unitId: number;
  leaderPersonId: number;
  villagers: readonly { personId: number; phone: string }[];
}

export interface ActivityTown {
  hotlineUnitId: number;
  hotlineStaffPersonId: number;
  /** In the seed's order: 劳动保障所, 生态环境办, 村镇建设办, … */
  departments: readonly { unitId: number; handlerPersonId: number }[];
  grids: readonly ActivityGrid[];
}

export interface PlannedStep {
  action: RequestAction | 'submit';
  toState: RequestState;
  at: Date;
  actorPersonId: number;
  /** The unit handling the matter after this step. */
  handlerUnitId: number;
  /** A transfer to a small grid: the matter now belongs there (a department only handles it). */
  landsInUnitId?: number;
  note: string | null;
  rating?: Rating;
}

export interface PlannedMatter {
  /** Position in the plan: a merge names its surviving matter by it. */
  index: number;
  unitId: number;
  requesterPersonId: number;
  enteredByPersonId: number | null;
  source: RequestSource;
  category: RequestCategory;
  dutyType: DutyType | null;
  description: string;
  contactPhone: string | null;
  confidential: boolean;
  hotlineOrderNo: string | null;
  cityReceivedAt: Date | null;
  cityDueAt: Date | null;
  mergedIntoIndex: number | null;
  steps: PlannedStep[];
}

/** Matters a small grid raises in a year, by source (Taitou: ×662). */
export const PER_GRID_PER_YEAR: Readonly<Record<RequestSource, number>> = { villager: 5.5, patrol: 1.9, hotline_12345: 0.75, proxy: 0.5, staff: 0.35 };

export interface PlanOptions {
  /** The activity runs over [from, to); steps after `to` have not happened yet. */
  from: Date;
  to: Date;
  seed: number;
  /** Multiplies PER_GRID_PER_YEAR (1 = the article's orders of magnitude). */
  scale?: number;
  /** 12345 order numbers start with this (plans that share a database need different ones). */
  orderNoPrefix?: string;
  /** Matters left alone (never contacted, or never finished) only in the last days before `to`. */
  strandedWithinDays?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** mulberry32: small, fast and the same on every machine, so a year can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS: Record<RequestCategory, readonly string[]> = {
  environment: ['路边垃圾堆放多日无人清运', '排水沟堵塞，下雨积水', '大棚废膜在路边焚烧，烟很大', '河沟里有人倾倒建筑垃圾'],
  infrastructure: ['村口路灯不亮', '生产路坑洼，三轮车过不去', '自来水管破裂漏水', '桥头护栏松动'],
  dispute: ['邻里因宅基地边界发生争执', '两户因大棚排水发生纠纷', '土地流转费用没有按约定支付'],
  labour: ['在建筑工地干活的工资被拖欠', '蔬菜合作社拖欠务工人员工资'],
  safety: ['废弃机井没有封盖，存在安全隐患', '电线私拉乱接，担心起火', '老旧房屋墙体开裂'],
  social: ['想咨询新农合缴费和报销', '老人办理高龄补贴需要什么材料', '低保申请进度想了解一下'],
  other: ['建议在村广场增加健身器材', '村里的公告栏内容太旧'],
};
const PLACES = ['村东头', '村西头', '二队路口', '南大街', '北生产路', '小学门口', '村委会附近', '菜市场旁'];
const PATROL_CATEGORY: Record<DutyType, RequestCategory> = {
  policy_communicator: 'social',
  opinion_collector: 'other',
  dispute_mediator: 'dispute',
  hygiene_supervisor: 'environment',
  affairs_co_manager: 'infrastructure',
  hazard_inspector: 'safety',
};
/** Where hotline staff send what a grid cannot settle: the seed's departments by position. */
const DEPARTMENT_FOR: Partial<Record<RequestCategory, number>> = { labour: 0, environment: 1, infrastructure: 2 };

export function planActivity(towns: readonly ActivityTown[], options: PlanOptions): PlannedMatter[] {
  return new YearPlanner(options).plan(towns);
}

class YearPlanner {
  private readonly rand: () => number;
  private readonly matters: PlannedMatter[] = [];
  private orderSerial = 0;

  constructor(private readonly options: PlanOptions) {
    this.rand = seededRandom(options.seed);
  }

  plan(towns: readonly ActivityTown[]): PlannedMatter[] {
    const years = (this.options.to.getTime() - this.options.from.getTime()) / (365 * 24 * HOUR);
    const scale = (this.options.scale ?? 1) * years;
    for (const town of towns) {
      for (const grid of town.grids) {
        for (const [source, perYear] of Object.entries(PER_GRID_PER_YEAR) as [RequestSource, number][]) {
          for (let n = this.count(perYear * scale); n > 0; n--) this.matter(town, grid, source);
        }
      }
    }
    // In time order, as they arrived (ids then follow arrival, as in production).
    const ordered = this.matters.sort((a, b) => a.steps[0]!.at.getTime() - b.steps[0]!.at.getTime() || a.index - b.index);
    const position = new Map(ordered.map((m, i) => [m.index, i]));
    return ordered.map((m, i) => ({ ...m, index: i, mergedIntoIndex: m.mergedIntoIndex === null ? null : position.get(m.mergedIntoIndex)! }));
  }

  /** A whole number with `mean` as its expectation. */
  private count(mean: number): number {
    const whole = Math.floor(mean);
    return whole + (this.rand() < mean - whole ? 1 : 0);
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }

  private between(min: number, max: number): number {
    return min + this.rand() * (max - min);
  }

  /** An arrival time: mostly in the day, busiest in the morning, a few at night. */
  private arrival(): Date {
    const { from, to } = this.options;
    const day = Math.floor(this.rand() * ((to.getTime() - from.getTime()) / (24 * HOUR)));
    const hour = this.rand() < 0.08 ? this.pick([0, 5, 6, 21, 22, 23]) : this.pick([7, 8, 8, 9, 9, 9, 10, 10, 11, 14, 15, 15, 16, 17, 18, 19, 20]);
    // China midnight of the day, then the hour and a minute.
    const midnight = from.getTime() + day * 24 * HOUR - ((from.getTime() + 8 * HOUR) % (24 * HOUR));
    return new Date(midnight + hour * HOUR + Math.floor(this.rand() * 60) * MINUTE);
  }

  private matter(town: ActivityTown, grid: ActivityGrid, source: RequestSource): void {
    const villager = this.pick(grid.villagers);
    const dutyType = source === 'patrol' ? this.pick(DUTY_TYPES) : null;
    const category: RequestCategory = dutyType
      ? PATROL_CATEGORY[dutyType]
      : this.pick(['environment', 'environment', 'infrastructure', 'infrastructure', 'social', 'dispute', 'safety', 'labour', 'other']);
    const at = this.arrival();
    const text = `${this.pick(PLACES)}${this.pick(TEXTS[category])}`;
    const fromCity = source === 'hotline_12345';
    const matter: PlannedMatter = {
      index: this.matters.length,
      unitId: fromCity ? town.hotlineUnitId : grid.unitId,
      requesterPersonId: source === 'patrol' ? grid.leaderPersonId : villager.personId,
      enteredByPersonId: source === 'proxy' ? grid.leaderPersonId : source === 'staff' || fromCity ? town.hotlineStaffPersonId : null,
      source,
      category,
      dutyType,
      description: source === 'patrol' ? `巡查发现：${text}` : text,
      contactPhone: source === 'patrol' ? null : villager.phone,
      confidential: source !== 'patrol' && this.rand() < 0.03,
      hotlineOrderNo: fromCity
        ? `${this.options.orderNoPrefix ?? 'SG'}${at.toISOString().slice(0, 10).replaceAll('-', '')}${String(++this.orderSerial).padStart(5, '0')}`
        : null,
      cityReceivedAt: fromCity ? new Date(at.getTime() - 20 * MINUTE) : null,
      cityDueAt: fromCity ? workingDeadline(at, 3) : null,
      mergedIntoIndex: null,
      steps: [],
    };
    this.matters.push(matter);
    const submitter = matter.enteredByPersonId ?? matter.requesterPersonId;
    const steps = new StepList(matter, at, submitter, this.options.to);
    if (fromCity) {
      // Waiting at the hotline office, then sent where it belongs.
      const department = DEPARTMENT_FOR[category];
      const target =
        department !== undefined && this.rand() < 0.4 ? town.departments[department]! : { unitId: grid.unitId, handlerPersonId: grid.leaderPersonId };
      steps.add('transfer', this.between(10, 50) * MINUTE, town.hotlineStaffPersonId, '按属地派至网格办理', target.unitId, target.unitId === grid.unitId);
      this.work(town, matter, steps, target.handlerPersonId);
    } else if (source === 'patrol' && this.rand() < 0.65) {
      // Settled on the spot: contact and result at once, then looked back at like any other.
      steps.add('accept', 0, grid.leaderPersonId, `现场处置（${DUTY_TYPE_LABELS[dutyType!]}）`);
      steps.add('resolve', 0, grid.leaderPersonId, '已现场处置');
      this.lookBack(town, matter, steps, false);
    } else {
      this.work(town, matter, steps, grid.leaderPersonId);
    }
    matter.steps = steps.done();
    // A confidential matter is never merged (nor followed): no duplicate of one is raised here.
    if (source === 'villager' && this.rand() < 0.015 && !matter.confidential) this.duplicateOf(grid, matter);
  }

  /** The same thing raised again by a neighbour soon after, merged into the first by the grid leader. */
  private duplicateOf(grid: ActivityGrid, first: PlannedMatter): void {
    const at = new Date(first.steps[0]!.at.getTime() + this.between(5, 40) * MINUTE);
    const mergeAt = new Date(at.getTime() + this.between(5, 30) * MINUTE);
    // Merged only into a matter still being worked on at that moment.
    if (mergeAt >= this.options.to || first.steps.some((s) => s.at <= mergeAt && !['submit', 'accept', 'followUp'].includes(s.action))) return;
    // A neighbour: the first requester follows their own matter already.
    const villager = this.pick(grid.villagers.filter((v) => v.personId !== first.requesterPersonId));
    if (!villager) return;
    const dup: PlannedMatter = {
      ...first,
      index: this.matters.length,
      requesterPersonId: villager.personId,
      enteredByPersonId: null,
      contactPhone: villager.phone,
      description: `${first.description}了`,
      confidential: false,
      mergedIntoIndex: first.index,
      steps: [],
    };
    this.matters.push(dup);
    const steps = new StepList(dup, at, villager.personId, this.options.to);
    steps.add('merge', mergeAt.getTime() - at.getTime(), grid.leaderPersonId, null);
    dup.steps = steps.done();
  }

  /** From landing with a handler to the end of the loop. */
  private work(town: ActivityTown, matter: PlannedMatter, steps: StepList, handler: number): void {
    const recent = this.options.to.getTime() - steps.last.at.getTime() < (this.options.strandedWithinDays ?? 45) * 24 * HOUR;
    const fate = this.rand();
    const requester = matter.requesterPersonId;
    if (matter.source !== 'patrol' && fate < 0.02) return steps.add('withdraw', this.between(0.3, 6) * HOUR, requester, null);
    if (recent && fate < 0.03) return; // never contacted: overdue
    // First contact: usually before the deadline, sometimes after.
    const contactIn = steps.contactDueAt.getTime() - steps.last.at.getTime();
    const late = this.rand() < 0.08;
    const contact = late ? contactIn + this.between(10, 240) * MINUTE : Math.max(3 * MINUTE, this.rand() * contactIn * 0.9);
    if (fate < 0.045) {
      steps.add('reject', contact, handler, '经核实不属于受理范围，已向群众解释');
      return this.lookBack(town, matter, steps, false);
    }
    steps.add('accept', contact, handler, this.pick(['电话联系', '上门走访', '微信留言']));
    if (fate < 0.065) {
      // The handler asks to pass it on; the hotline office sends it to the right department or grid.
      steps.add('requestTransfer', this.between(0.5, 3) * HOUR, handler, '不属于本网格职责，申请转办');
      const target = town.departments[DEPARTMENT_FOR[matter.category] ?? 4]!;
      steps.add('transfer', this.between(0.5, 4) * HOUR, town.hotlineStaffPersonId, '转相关部门办理', target.unitId);
      handler = target.handlerPersonId;
      steps.add('accept', this.between(10, 55) * MINUTE, handler, '电话联系');
    }
    if (recent && fate < 0.075) return; // contacted, never finished: overdue
    if (this.rand() < 0.4) steps.add('followUp', this.between(1, 6) * HOUR, handler, '已到现场查看，正在协调处理');
    this.result(town, matter, steps, handler);
  }

  private result(town: ActivityTown, matter: PlannedMatter, steps: StepList, handler: number): void {
    const dueIn = steps.completionDueAt!.getTime() - steps.last.at.getTime();
    const late = this.rand() < 0.1 || dueIn < HOUR;
    steps.add('resolve', late ? Math.max(dueIn, 0) + this.between(2, 40) * HOUR : this.between(0.1, 0.8) * dueIn, handler, '已办结：问题已解决，已向群众反馈');
    // A patrol finding is never rated: its requester, the grid leader, handles it, and nobody rates
    // their own work (rate is notBy handler; the reports would not count it either).
    const rated = matter.source !== 'patrol' && this.rand() < 0.75;
    if (rated) {
      const roll = this.rand();
      const rating: Rating = roll < 0.8 ? 'satisfied' : roll < 0.94 ? 'basically_satisfied' : 'dissatisfied';
      steps.rate(this.between(1, 30) * HOUR, matter.requesterPersonId, rating);
      if (rating === 'dissatisfied') {
        steps.add('reopen', 0, matter.requesterPersonId, '群众不满意，重新办理');
        steps.add('resolve', this.between(4, 30) * HOUR, handler, '重新办理完毕，已再次向群众反馈');
        steps.rate(this.between(1, 20) * HOUR, matter.requesterPersonId, this.rand() < 0.7 ? 'satisfied' : 'basically_satisfied');
      }
    }
    this.lookBack(town, matter, steps, rated);
  }

  /** 回看 by the hotline office: after the verdict, or after the rating wait; now and then sent back. */
  private lookBack(town: ActivityTown, matter: PlannedMatter, steps: StepList, rated: boolean): void {
    const staff = town.hotlineStaffPersonId;
    steps.add('lookBack', (rated ? this.between(2, 20) : this.between(48, 60)) * HOUR, staff, '回访群众，情况属实');
    if (steps.lastState === 'looked_back' && matter.source !== 'patrol' && this.rand() < 0.01) {
      steps.add('sendBack', this.between(0.2, 2) * HOUR, staff, '回看发现问题未彻底解决，退回重办');
      steps.add('resolve', this.between(3, 20) * HOUR, steps.handlerPerson(town), '已按回看意见重新处理');
      steps.add('lookBack', this.between(2, 20) * HOUR, staff, '再次回看，问题已解决');
    }
    steps.add('close', this.between(0.1, 2) * HOUR, staff, null);
  }
}

/** A matter's steps as they are planned, with the clocks they start (the domain's rules). */
class StepList {
  private readonly steps: PlannedStep[] = [];
  private facts: { state: RequestState; handlerUnitId: number } & Parameters<typeof stepChanges>[0];

  constructor(
    private readonly matter: PlannedMatter,
    at: Date,
    submitter: number,
    private readonly until: Date,
  ) {
    const handlerUnitId = matter.unitId;
    this.steps.push({ action: 'submit', toState: START_STATE, at, actorPersonId: submitter, handlerUnitId, note: null });
    this.facts = {
      state: START_STATE,
      handlerUnitId,
      createdAt: at,
      cityDueAt: matter.cityDueAt,
      contactDueAt: contactDueFrom(at),
      completionDueAt: null,
      contactedAt: null,
      contactLate: false,
      completionLate: false,
      rehandleCount: 0,
      supervisedAt: null,
    };
  }

  get last(): PlannedStep {
    return this.steps.at(-1)!;
  }
  get lastState(): RequestState {
    return this.facts.state;
  }
  get contactDueAt(): Date {
    return this.facts.contactDueAt;
  }
  get completionDueAt(): Date | null {
    return this.facts.completionDueAt;
  }

  /** The person acting for the unit holding the matter (a department's handler, else the grid leader). */
  handlerPerson(town: ActivityTown): number {
    const department = town.departments.find((d) => d.unitId === this.facts.handlerUnitId);
    return department?.handlerPersonId ?? town.grids.find((g) => g.unitId === this.facts.handlerUnitId)?.leaderPersonId ?? town.hotlineStaffPersonId;
  }

  /** The next step, `afterMs` after the last; a transfer names its unit (and whether the matter lands there). */
  add(action: RequestAction, afterMs: number, actorPersonId: number, note: string | null, targetUnitId?: number, landsThere = false): void {
    this.push(action, afterMs, actorPersonId, note, {
      ...(targetUnitId !== undefined ? { handlerUnitId: targetUnitId } : {}),
      ...(landsThere ? { landsInUnitId: targetUnitId } : {}),
    });
  }

  rate(afterMs: number, requesterPersonId: number, rating: Rating): void {
    this.push('rate', afterMs, requesterPersonId, null, { rating });
  }

  private push(action: RequestAction, afterMs: number, actorPersonId: number, note: string | null, extra: Partial<PlannedStep>): void {
    const at = new Date(this.last.at.getTime() + Math.round(afterMs));
    this.facts = {
      ...this.facts,
      ...stepChanges(this.facts, action, at, CATEGORY_DEFAULT_COMPLEXITY[this.matter.category]),
      state: nextState(action, this.facts.state),
      handlerUnitId: extra.handlerUnitId ?? this.facts.handlerUnitId,
    };
    this.steps.push({ action, toState: this.facts.state, at, actorPersonId, note, ...extra, handlerUnitId: this.facts.handlerUnitId });
  }

  /** What has happened by the end of the plan. */
  done(): PlannedStep[] {
    return this.steps.filter((s) => s.at < this.until);
  }
}

/** The request row as its steps leave it (the state from the workflow table, the fields from stepChanges). */
export interface RequestRowFacts extends Omit<StepChanges, 'supervisedAt'> {
  state: RequestState;
  handlerUnitId: number;
  unitId: number;
  contactDueAt: Date;
  firstContactDueAt: Date;
  rating: Rating | null;
  ratedAt: Date | null;
  rehandleCount: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Each step's deadline (stepDeadline), in the order of the matter's steps: its timeline rows keep them. */
  stepDueAts: (Date | null)[];
}

export function foldSteps(matter: PlannedMatter): RequestRowFacts {
  const [submit, ...rest] = matter.steps;
  const row: RequestRowFacts & {
    cityDueAt: Date | null;
    supervisedAt: Date | null;
    contactedAt: Date | null;
    completionDueAt: Date | null;
    contactLate: boolean;
    completionLate: boolean;
  } = {
    state: START_STATE,
    handlerUnitId: submit!.handlerUnitId,
    unitId: matter.unitId,
    contactDueAt: contactDueFrom(submit!.at),
    firstContactDueAt: contactDueFrom(submit!.at),
    contactedAt: null,
    completionDueAt: null,
    contactLate: false,
    completionLate: false,
    cityDueAt: matter.cityDueAt,
    supervisedAt: null,
    rating: null,
    ratedAt: null,
    rehandleCount: 0,
    version: 1,
    createdAt: submit!.at,
    updatedAt: submit!.at,
    stepDueAts: [],
  };
  row.stepDueAts.push(stepDeadline(submit!.action, row));
  for (const step of rest) {
    const action = step.action as RequestAction;
    Object.assign(row, stepChanges(row, action, step.at, CATEGORY_DEFAULT_COMPLEXITY[matter.category]));
    row.state = nextState(action, row.state);
    row.handlerUnitId = step.handlerUnitId;
    if (step.landsInUnitId !== undefined) row.unitId = step.landsInUnitId;
    if (action === 'rate') Object.assign(row, { rating: step.rating ?? null, ratedAt: step.at });
    row.version++;
    row.updatedAt = step.at;
    row.stepDueAts.push(stepDeadline(action, row));
  }
  return row;
}
