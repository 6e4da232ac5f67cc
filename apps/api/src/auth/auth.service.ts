import { Inject, Injectable } from '@nestjs/common';
import { ROLE_LABELS, ROLES, type Role } from '@gridloop/domain';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Person } from '../grid/person.entity';
import { RoleAssignment } from '../grid/role-assignment.entity';
import { WechatApiClient } from '../wechat/wechat-api.client';
import { toAppError } from '../wechat/wechat-errors';
import { WechatTokenService } from '../wechat/wechat-token.service';
import { Actor } from './actor';
import { ActorRepository } from './actor.repository';
import { DemoPersonDto, SessionDto } from './dtos/auth.dto';
import { MeService } from './me.service';
import { TokenService } from './token.service';
import { WechatAccount } from './wechat-account.entity';

/** A person who signed in with WeChat but has not shared a phone number yet. */
const NEW_USER_NAME = '微信用户';
/** Demo sign-in: the villagers seeded (seed-demo: a few grids), and as many of the newest besides. */
const DEMO_VILLAGERS_SEEDED = 4;
const DEMO_VILLAGERS_NEWEST = 6;

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly wechat: WechatApiClient,
    private readonly wechatTokens: WechatTokenService,
    private readonly tokens: TokenService,
    private readonly actors: ActorRepository,
    private readonly me: MeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** wx.login code → WeChat session → our person (made on first sign-in) → our tokens. */
  async wechatLogin(code: string, now: Date): Promise<SessionDto> {
    const session = await this.wechat.code2Session(code).catch((error: unknown) => {
      throw toAppError(error, 'code');
    });
    const personId = await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneBy(WechatAccount, { openid: session.openid });
      if (account) return account.personId;
      const person = await manager.save(Person, { name: NEW_USER_NAME, phone: null, homeUnitId: null });
      await manager.insert(WechatAccount, { openid: session.openid, unionid: session.unionid, personId: person.id });
      return person.id;
    });
    return this.startSession(personId, now);
  }

  async refresh(refreshToken: string, now: Date): Promise<SessionDto> {
    const { pair, personId } = await this.tokens.rotate(refreshToken, now);
    return { ...pair, me: await this.me.describe(await this.loadActor(personId)) };
  }

  logout(refreshToken: string, now: Date): Promise<void> {
    return this.tokens.revoke(refreshToken, now);
  }

  /**
   * The getPhoneNumber button: WeChat vouches for the number. If the roster knows it, the caller
   * becomes that roster person (with their roles) from now on; otherwise the number is simply kept.
   */
  async bindPhone(actor: Actor, code: string, now: Date): Promise<SessionDto> {
    const phone = await this.wechatTokens
      .withAccessToken((token) => this.wechat.userPhoneNumber(token, code), now)
      .catch((error: unknown) => {
        throw toAppError(error, 'code');
      });
    const personId = await this.dataSource.transaction((manager) => this.attachPhone(manager, actor.personId, phone));
    return this.startSession(personId, now);
  }

  listDemoPeople(): Promise<DemoPersonDto[]> {
    this.assertDemo();
    return this.demoPeople();
  }

  async demoLogin(personId: number, now: Date): Promise<SessionDto> {
    this.assertDemo();
    if (!(await this.dataSource.getRepository(Person).existsBy({ id: personId }))) throw new AppError(ErrorCode.NotFound, 'personId');
    return this.startSession(personId, now);
  }

  private async attachPhone(manager: EntityManager, personId: number, phone: string): Promise<number> {
    const rosterPerson = await manager.findOneBy(Person, { phone });
    const caller = await manager.findOneByOrFail(Person, { id: personId });
    if (!rosterPerson) {
      // Someone on the roster keeps the roster's number (imports find them by it); others take this one.
      const onRoster = await manager.existsBy(RoleAssignment, { personId, endedAt: IsNull() });
      if (!caller.phone || !onRoster) await manager.update(Person, { id: personId }, { phone });
      return personId;
    }
    if (rosterPerson.id === personId) return personId;
    await manager.update(WechatAccount, { personId }, { personId: rosterPerson.id });
    if (rosterPerson.homeUnitId === null && caller.homeUnitId !== null) {
      await manager.update(Person, { id: rosterPerson.id }, { homeUnitId: caller.homeUnitId });
    }
    return rosterPerson.id;
  }

  private async startSession(personId: number, now: Date): Promise<SessionDto> {
    const pair = await this.tokens.issue(personId, now);
    return { ...pair, me: await this.me.describe(await this.loadActor(personId)) };
  }

  private async loadActor(personId: number): Promise<Actor> {
    const actor = await this.actors.load(personId);
    if (!actor) throw new AppError(ErrorCode.TokenInvalid);
    return actor;
  }

  private assertDemo(): void {
    // Off: the demo endpoints do not exist as far as a caller can tell.
    if (!this.config.demoLogin) throw new AppError(ErrorCode.NotFound);
  }

  /**
   * Two people of each role (the earliest seeded), so the demo can be tried from every seat; of
   * villagers, the seeded ones (a few grids) and the newest (people who just joined can be tried too).
   */
  private async demoPeople(): Promise<DemoPersonDto[]> {
    const assignments = this.dataSource.getRepository(RoleAssignment);
    const current = (role: Role, order: 'ASC' | 'DESC', take: number) =>
      assignments.find({ where: { role, endedAt: IsNull() }, relations: { person: true, unit: true }, order: { id: order }, take });
    const perRole = await Promise.all(
      ROLES.map(async (role) => {
        if (role !== 'villager') return current(role, 'ASC', 2);
        const [seeded, newest] = await Promise.all([current(role, 'ASC', DEMO_VILLAGERS_SEEDED), current(role, 'DESC', DEMO_VILLAGERS_NEWEST)]);
        return [...seeded, ...newest.reverse().filter((row) => !seeded.some((s) => s.id === row.id))];
      }),
    );
    return perRole.flat().map((row) => ({
      personId: row.personId,
      name: row.person!.name,
      role: row.role,
      roleLabel: ROLE_LABELS[row.role],
      unitName: row.unit!.name,
    }));
  }
}
