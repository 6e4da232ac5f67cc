import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';

const TICKET_TTL_SECONDS = 30 * 60;

/**
 * A signed note "this caller just proved they are in group G". Binding needs it because the
 * openGId can only be read with the session key of a wx.login done in that group.
 */
@Injectable()
export class GroupTicket {
  constructor(private readonly jwt: JwtService) {}

  issue(openGid: string): Promise<string> {
    return this.jwt.signAsync({ gid: openGid, typ: 'group' }, { expiresIn: TICKET_TTL_SECONDS });
  }

  async open(ticket: string): Promise<string> {
    try {
      const claims = await this.jwt.verifyAsync<{ gid?: unknown; typ?: unknown }>(ticket);
      if (claims.typ === 'group' && typeof claims.gid === 'string') return claims.gid;
    } catch {
      // expired or forged: same answer
    }
    throw new AppError(ErrorCode.GroupTicketInvalid, 'groupTicket');
  }
}
