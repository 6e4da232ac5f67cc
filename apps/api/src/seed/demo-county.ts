/**
 * The demo county: Taitou Town as the article describes it (41 villages, 46 large grids,
 * 662 small grids) plus a small second town, so the county-wide views have something to compare.
 * Every person here is synthetic: generated names and phone numbers in one made-up block.
 */

export interface DemoPerson {
  name: string;
  phone: string;
}

export interface DemoSmallGrid {
  code: string;
  name: string;
  leader: DemoPerson;
  deputy?: DemoPerson;
}

export interface DemoLargeGrid {
  code: string;
  name: string;
  head: DemoPerson;
  smallGrids: DemoSmallGrid[];
}

export interface DemoVillage {
  code: string;
  name: string;
  secretary: DemoPerson;
  largeGrids: DemoLargeGrid[];
}

export interface DemoTown {
  code: string;
  name: string;
  villages: DemoVillage[];
  departments: { code: string; name: string; handler: DemoPerson }[];
  hotlineStaff: DemoPerson[];
  leader: DemoPerson;
}

export interface DemoCounty {
  code: string;
  name: string;
  admin: DemoPerson;
  towns: DemoTown[];
  /** Villagers living in a few small grids (by code), so the villager's path can be tried from the demo sign-in. */
  villagers?: { gridCode: string; person: DemoPerson }[];
}

/** The small grids whose villagers the demo seeds: two grids of 北孙村 and one of 示范镇. */
const DEMO_VILLAGER_GRIDS = ['SG-TT-V01-L1-S01', 'SG-TT-V01-L1-S01', 'SG-TT-V01-L1-S02', 'SG-SF-V01-L1-S01'];

/** Villages the article names come first; the rest are plausible synthetic names. */
const NAMED_VILLAGES = ['北孙村', '北台头村', '南兵村', '郑辇村', '小坨村', '北洋头村', '南洋头村'];
const DIRECTIONS = ['东', '西', '南', '北', '前', '后', '大', '小'];
const VILLAGE_STEMS = ['王', '李', '张', '刘', '侯', '马', '桑', '田', '丁', '崔', '杨', '孟', '赵'];
const VILLAGE_SUFFIXES = ['家庄', '村', '家屯', '家营'];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '郑', '侯', '田', '崔'];
const GIVEN = ['建国', '秀英', '国强', '桂兰', '志刚', '玉梅', '海燕', '伟', '芳', '明', '红霞', '长青', '丽', '军', '霞', '德胜'];

/** Number of small grids under each of Taitou's 46 large grids: 18 × 15 + 28 × 14 = 662. */
function smallGridCounts(largeGrids: number, total: number): number[] {
  const base = Math.floor(total / largeGrids);
  const extra = total - base * largeGrids;
  return Array.from({ length: largeGrids }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Synthetic people with numbers from one made-up block: 199-<block>-xxxx, never a real roster. */
export class PeopleFactory {
  private next = 1;

  /** 0536 is Weifang's area code; another block keeps a second county's numbers apart. */
  constructor(private readonly block = '0536') {}

  person(): DemoPerson {
    const n = this.next++;
    // n = 16a + b → surname b, given name (a + 5b) mod 16: neighbours differ in both parts,
    // and all 256 combinations come round before any repeats.
    const b = n % SURNAMES.length;
    const a = Math.floor(n / SURNAMES.length);
    const surname = SURNAMES[b] as string;
    const given = GIVEN[(a + 5 * b) % GIVEN.length] as string;
    return { name: surname + given, phone: `199${this.block}${String(n).padStart(4, '0')}` };
  }
}

function villageNames(count: number, first: string[]): string[] {
  const names = first.slice(0, count);
  for (let i = 0; names.length < count; i++) {
    const name =
      (DIRECTIONS[i % DIRECTIONS.length] as string) +
      (VILLAGE_STEMS[Math.floor(i / DIRECTIONS.length) % VILLAGE_STEMS.length] as string) +
      (VILLAGE_SUFFIXES[i % VILLAGE_SUFFIXES.length] as string);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export interface TownShape {
  villages: number;
  largeGrids: number;
  smallGrids: number;
  /** Village names to use first; the rest are generated. */
  villageNames?: string[];
}

export function buildTown(people: PeopleFactory, code: string, name: string, shape: TownShape): DemoTown {
  const names = villageNames(shape.villages, shape.villageNames ?? NAMED_VILLAGES);
  const largePerVillage = names.map((_, i) => (i < shape.largeGrids - shape.villages ? 2 : 1));
  const smallCounts = smallGridCounts(shape.largeGrids, shape.smallGrids);
  let largeIndex = 0;
  const villages = names.map((villageName, v) => {
    const villageCode = `${code}-V${String(v + 1).padStart(2, '0')}`;
    const parts = largePerVillage[v] === 2 ? ['东片', '西片'] : [''];
    return {
      code: villageCode,
      name: villageName,
      secretary: people.person(),
      largeGrids: parts.map((part, l) => {
        const largeCode = `${villageCode}-L${l + 1}`;
        const smallCount = smallCounts[largeIndex++] as number;
        return {
          code: largeCode,
          name: `${villageName}${part}大网格`,
          head: people.person(),
          smallGrids: Array.from({ length: smallCount }, (_, s) => ({
            code: `${largeCode}-S${String(s + 1).padStart(2, '0')}`,
            name: `${villageName}${part}第${s + 1}网格`,
            leader: people.person(),
            // About a third of grids have a deputy leader.
            deputy: s % 3 === 0 ? people.person() : undefined,
          })),
        };
      }),
    };
  });
  const departments = ['劳动保障所', '生态环境办', '村镇建设办', '综合执法队', '农业农村办', '社会事务办'].map((dep, i) => ({
    code: `${code}-D${i + 1}`,
    name: dep,
    handler: people.person(),
  }));
  return { code, name, villages, departments, hotlineStaff: [people.person(), people.person()], leader: people.person() };
}

export function buildDemoCounty(): DemoCounty {
  const people = new PeopleFactory();
  return {
    code: 'SG',
    name: '寿光市',
    admin: people.person(),
    towns: [
      buildTown(people, 'SG-TT', '台头镇', { villages: 41, largeGrids: 46, smallGrids: 662 }),
      buildTown(people, 'SG-SF', '示范镇', { villages: 2, largeGrids: 2, smallGrids: 6, villageNames: ['示范一村', '示范二村'] }),
    ],
    // Made last: everyone before keeps the name and number they always had.
    villagers: DEMO_VILLAGER_GRIDS.map((gridCode) => ({ gridCode, person: people.person() })),
  };
}
