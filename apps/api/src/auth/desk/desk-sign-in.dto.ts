import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SessionDto } from '../dtos/auth.dto';

export class DeskTicketDto {
  @ApiProperty({ description: 'The ticket as the mini-program code carries it (scene)', example: 'Xq3v9Lr2mPa7Tn0wYb5cKd' })
  scene: string;

  @ApiProperty({ description: 'Shown to this browser only: poll with it (pollDeskTicket)' })
  pollToken: string;

  @ApiProperty({ description: 'After this the code can no longer be confirmed (2 minutes)' })
  expiresAt: string;

  @ApiProperty({ description: 'The mini-program code as a data: URL (image/jpeg from WeChat)' })
  codeImage: string;
}

export class DeskPollDto {
  @ApiProperty()
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  pollToken: string;
}

export class DeskPollResultDto {
  @ApiProperty({ enum: ['waiting', 'signed_in'], description: 'waiting: ask again; signed_in: the session is here, once' })
  state: 'waiting' | 'signed_in';

  @ApiPropertyOptional({ type: SessionDto, description: 'This desk’s own sign-in (its own refresh family)' })
  session?: SessionDto;
}

export class DeskTicketInfoDto {
  @ApiProperty({ example: '电脑上的谷歌浏览器' })
  browser: string;

  @ApiProperty()
  createdAt: string;

  @ApiProperty()
  expiresAt: string;
}

export class DeskSignInDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ example: '电脑上的谷歌浏览器' })
  browser: string;

  @ApiProperty()
  signedInAt: string;

  @ApiProperty({ nullable: true, type: String, description: 'The address the browser asked from' })
  ip: string | null;
}
