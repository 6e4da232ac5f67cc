import { Injectable } from '@nestjs/common';
import { isHomeUnitKind } from '@gridloop/domain';
import { DataSource, IsNull } from 'typeorm';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { OrgUnit } from '../grid/org-unit.entity';
import { OrgUnitRepository } from '../grid/org-unit.repository';
import { Person } from '../grid/person.entity';
import { WechatApiClient } from '../wechat/wechat-api.client';
import { decryptWechatData } from '../wechat/wechat-crypto';
import { toAppError } from '../wechat/wechat-errors';
import { BindGroupDto, GroupDto, ResolveGroupDto } from './dtos/group.dto';
import { GroupTicket } from './group-ticket';
import { WechatGroup } from './wechat-group.entity';

@Injectable()
export class GroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly wechat: WechatApiClient,
    private readonly units: OrgUnitRepository,
    private readonly tickets: GroupTicket,
  ) {}

  /**
   * A card opened in a group: which group is it, and is it bound? A villager opening a card in
   * a bound group is placed in that village or grid (unless they already chose one).
   */
  async resolve(actor: Actor, input: ResolveGroupDto): Promise<GroupDto> {
    const session = await this.wechat.code2Session(input.code).catch((error: unknown) => {
      throw toAppError(error, 'code');
    });
    const data = decryptWechatData(session.sessionKey, input.encryptedData, input.iv, this.wechat.appid);
    // getShareInfo says openGId, getGroupEnterInfo says opengid.
    const openGid = data.openGId ?? data.opengid;
    if (typeof openGid !== 'string' || !openGid) throw new AppError(ErrorCode.WechatDecryptFailed, 'encryptedData');

    const groups = this.dataSource.getRepository(WechatGroup);
    await groups.createQueryBuilder().insert().values({ openGid }).orIgnore().execute();
    const group = await groups.findOneOrFail({ where: { openGid }, relations: { unit: true } });
    if (group.unit) await this.placeIfHomeless(actor.personId, group.unit);
    return this.toDto(group.unit ?? null, await this.tickets.issue(openGid));
  }

  /** Binds an unbound group, once, to a village or small grid in the caller's span. */
  async bind(actor: Actor, input: BindGroupDto, now: Date): Promise<GroupDto> {
    const openGid = await this.tickets.open(input.groupTicket);
    const unit = await this.units.findInSpan(input.unitId, actor.spanFor('group.bind'));
    if (!unit) throw new AppError(ErrorCode.NotFound, 'unitId');
    // A group serves a village or small grid, and places the villagers who open its cards there (their home).
    if (!isHomeUnitKind(unit.kind)) throw new AppError(ErrorCode.UnitNotSelectable, 'unitId');
    const groups = this.dataSource.getRepository(WechatGroup);
    await groups.createQueryBuilder().insert().values({ openGid }).orIgnore().execute();
    // Only an unbound group changes: two people binding at once, one wins.
    const result = await groups.update({ openGid, unitId: IsNull() }, { unitId: unit.id, boundByPersonId: actor.personId, boundAt: now });
    if (!result.affected) throw new AppError(ErrorCode.GroupAlreadyBound, 'groupTicket');
    return this.toDto(unit, input.groupTicket);
  }

  private async placeIfHomeless(personId: number, unit: OrgUnit): Promise<void> {
    await this.dataSource.getRepository(Person).update({ id: personId, homeUnitId: IsNull() }, { homeUnitId: unit.id });
  }

  private toDto(unit: OrgUnit | null, groupTicket: string): GroupDto {
    return { groupTicket, bound: unit !== null, unit: unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null };
  }
}
