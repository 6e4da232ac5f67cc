import { Inject, Injectable } from '@nestjs/common';
import { describeBrowser, DESK_TICKET_TTL_SECONDS, deskPollOutcome, refuseDeskConfirm, type DeskTicketRefusal } from '@gridloop/domain';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AppError } from '../../common/app-error';
import { ErrorCode } from '../../common/error-codes';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WechatApiClient } from '../../wechat/wechat-api.client';
import { toAppError } from '../../wechat/wechat-errors';
import { WechatTokenService } from '../../wechat/wechat-token.service';
import { Actor } from '../actor';
import { ActorRepository } from '../actor.repository';
import { MeService } from '../me.service';
import { RefreshToken } from '../refresh-token.entity';
import { TokenService } from '../token.service';
import { DeskPollResultDto, DeskSignInDto, DeskTicketDto, DeskTicketInfoDto } from './desk-sign-in.dto';
import { DeskSignIn } from './desk-sign-in.entity';
import { DeskTicket } from './desk-ticket.entity';

/** The mini-program page a desk sign-in code opens (apps/miniapp/src/pages/desk-sign-in). */
export const DESK_SIGN_IN_PAGE = 'pages/desk-sign-in/index';
const CODE_WIDTH = 280;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

const REFUSALS: Record<DeskTicketRefusal, ErrorCode> = {
  expired: ErrorCode.DeskTicketExpired,
  used: ErrorCode.DeskTicketUsed,
  other_person: ErrorCode.DeskTicketOtherPerson,
  not_staff: ErrorCode.DeskNotStaff,
};

export interface DeskClient {
  userAgent: string | null;
  ip: string | null;
}

/**
 * 扫码登录: the console asks for a ticket and shows its mini-program code; a staffer confirms on the
 * phone; the polling console claims a sign-in of its own (a new refresh family), recorded in
 * desk_sign_in and revocable from the phone.
 */
@Injectable()
export class DeskSignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly wechat: WechatApiClient,
    private readonly wechatTokens: WechatTokenService,
    private readonly tokens: TokenService,
    private readonly actors: ActorRepository,
    private readonly me: MeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createTicket(client: DeskClient, now: Date): Promise<DeskTicketDto> {
    const scene = randomBytes(16).toString('base64url'); // 22 characters, all in WeChat's scene set
    const pollToken = randomBytes(32).toString('base64url');
    const envVersion = this.config.wechat.codeEnvVersion ?? 'release';
    const code = await this.wechatTokens
      .withAccessToken((token) => this.wechat.unlimitedWxaCode(token, { scene, page: DESK_SIGN_IN_PAGE, envVersion, width: CODE_WIDTH }), now)
      .catch((error: unknown) => {
        throw toAppError(error);
      });
    // Whole seconds: what MySQL's DATETIME keeps, so the phone reads the time the console was given.
    const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + DESK_TICKET_TTL_SECONDS * 1000);
    await this.dataSource.getRepository(DeskTicket).insert({
      scene,
      pollTokenHash: hash(pollToken),
      state: 'waiting',
      browser: describeBrowser(client.userAgent),
      userAgent: client.userAgent?.slice(0, 400) ?? null,
      ip: client.ip?.slice(0, 64) ?? null,
      createdAt: now,
      expiresAt,
      decidedBy: null,
      decidedAt: null,
      claimedAt: null,
    });
    return { scene, pollToken, expiresAt: expiresAt.toISOString(), codeImage: `data:${code.contentType};base64,${code.data.toString('base64')}` };
  }

  /** What the confirm page shows; refused as a confirmation would be, so the page can say why at once. */
  async describeTicket(actor: Actor, scene: string, now: Date): Promise<DeskTicketInfoDto> {
    const ticket = await this.findByScene(scene);
    this.assertMayDecide(ticket, actor, now);
    return { browser: ticket.browser, createdAt: ticket.createdAt.toISOString(), expiresAt: ticket.expiresAt.toISOString() };
  }

  confirm(actor: Actor, scene: string, now: Date): Promise<void> {
    return this.decide(actor, scene, 'confirmed', now);
  }

  cancel(actor: Actor, scene: string, now: Date): Promise<void> {
    return this.decide(actor, scene, 'cancelled', now);
  }

  async poll(pollToken: string, now: Date): Promise<DeskPollResultDto> {
    const tickets = this.dataSource.getRepository(DeskTicket);
    const ticket = await tickets.findOneBy({ pollTokenHash: hash(pollToken) });
    if (!ticket) throw new AppError(ErrorCode.NotFound, 'pollToken');
    switch (deskPollOutcome(ticket, now)) {
      case 'waiting':
        return { state: 'waiting' };
      case 'expired':
        throw new AppError(ErrorCode.DeskTicketExpired);
      case 'cancelled':
        throw new AppError(ErrorCode.DeskTicketCancelled);
      case 'used':
        throw new AppError(ErrorCode.DeskTicketUsed);
      case 'claim':
        return { state: 'signed_in', session: await this.claim(ticket, now) };
    }
  }

  async listMine(actor: Actor, now: Date): Promise<DeskSignInDto[]> {
    const rows = await this.dataSource
      .getRepository(DeskSignIn)
      .createQueryBuilder('d')
      .where('d.personId = :personId AND d.revokedAt IS NULL', { personId: actor.personId })
      .andWhere(
        (qb) =>
          `EXISTS ${qb
            .subQuery()
            .select('1')
            .from(RefreshToken, 't')
            .where('t.familyId = d.familyId AND t.revokedAt IS NULL AND t.usedAt IS NULL AND t.expiresAt > :now')
            .getQuery()}`,
        { now },
      )
      .orderBy('d.signedInAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .getMany();
    return rows.map((row) => ({ id: row.id, browser: row.browser, signedInAt: row.signedInAt.toISOString(), ip: row.ip }));
  }

  /** 退出这台电脑: the desk's refresh family is revoked, so its next call is refused. */
  async revokeMine(actor: Actor, id: number, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneBy(DeskSignIn, { id, personId: actor.personId });
      if (!row) throw new AppError(ErrorCode.NotFound);
      await manager.update(DeskSignIn, { id, revokedAt: IsNull() }, { revokedAt: now });
      await manager.update(RefreshToken, { familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: now });
    });
  }

  private async decide(actor: Actor, scene: string, to: 'confirmed' | 'cancelled', now: Date): Promise<void> {
    const tickets = this.dataSource.getRepository(DeskTicket);
    const ticket = await this.findByScene(scene);
    this.assertMayDecide(ticket, actor, now);
    if (ticket.state === to) return; // the same person's retried tap
    // Only one decision lands: the update matches while the ticket still waits (or, to cancel, is this person's unclaimed one).
    const from = ticket.state;
    const decided = await tickets.update({ id: ticket.id, state: from }, { state: to, decidedBy: actor.personId, decidedAt: now });
    if (!decided.affected) {
      this.assertMayDecide(await tickets.findOneByOrFail({ id: ticket.id }), actor, now);
      throw new AppError(ErrorCode.DeskTicketUsed);
    }
  }

  private async claim(ticket: DeskTicket, now: Date) {
    const personId = ticket.decidedBy;
    if (personId === null) throw new AppError(ErrorCode.DeskTicketUsed);
    const actor = await this.actors.load(personId);
    // Roles may have ended since the confirmation.
    if (!actor || actor.spanFor('request.view').length === 0) throw new AppError(ErrorCode.DeskNotStaff);
    const familyId = randomUUID();
    const pair = await this.dataSource.transaction(async (manager) => {
      const claimed = await manager.update(DeskTicket, { id: ticket.id, state: 'confirmed' }, { state: 'claimed', claimedAt: now });
      if (!claimed.affected) throw new AppError(ErrorCode.DeskTicketUsed);
      await manager.insert(DeskSignIn, { personId, familyId, ticketId: ticket.id, browser: ticket.browser, ip: ticket.ip, signedInAt: now, revokedAt: null });
      return this.tokens.issue(personId, now, familyId, manager);
    });
    return { ...pair, me: await this.me.describe(actor) };
  }

  private async findByScene(scene: string): Promise<DeskTicket> {
    const ticket = await this.dataSource.getRepository(DeskTicket).findOneBy({ scene });
    if (!ticket) throw new AppError(ErrorCode.NotFound, 'scene');
    return ticket;
  }

  private assertMayDecide(ticket: DeskTicket, actor: Actor, now: Date): void {
    const refusal = refuseDeskConfirm(ticket, { personId: actor.personId, mayUseConsole: actor.spanFor('request.view').length > 0 }, now);
    if (refusal !== null) throw new AppError(REFUSALS[refusal]);
  }
}
