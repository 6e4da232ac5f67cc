import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { UnitRefDto } from '../../auth/dtos/auth.dto';

/** What getGroupEnterInfo / getShareInfo gave the mini-program, with a fresh wx.login code. */
export class ResolveGroupDto {
  @ApiProperty({ description: 'A fresh wx.login code (its session key opens the data)' })
  @MaxLength(128)
  @IsNotEmpty()
  @IsString()
  code: string;

  @ApiProperty()
  @MaxLength(4096)
  @IsBase64()
  @IsString()
  encryptedData: string;

  @ApiProperty()
  @MaxLength(64)
  @IsBase64()
  @IsString()
  iv: string;
}

export class BindGroupDto {
  @ApiProperty({ description: 'The groupTicket from resolveGroup' })
  @MaxLength(1024)
  @IsNotEmpty()
  @IsString()
  groupTicket: string;

  @ApiProperty({ description: 'A village or small grid within your span' })
  @Min(1)
  @IsInt()
  unitId: number;
}

export class GroupDto {
  @ApiProperty({ description: 'Proof of which group this is, for bindGroup (valid 30 minutes)' })
  groupTicket: string;

  @ApiProperty()
  bound: boolean;

  @ApiProperty({ type: UnitRefDto, nullable: true })
  unit: UnitRefDto | null;
}
