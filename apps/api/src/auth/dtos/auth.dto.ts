import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';

export class WechatLoginDto {
  @ApiProperty({ description: 'The code from wx.login (single use, ~5 minutes)' })
  @MaxLength(128)
  @IsNotEmpty()
  @IsString()
  code: string;
}

export class RefreshDto {
  @ApiProperty()
  @MaxLength(128)
  @IsNotEmpty()
  @IsString()
  refreshToken: string;
}

export class DemoLoginDto {
  @ApiProperty({ description: 'A seeded person to act as (see listDemoPeople)' })
  @Min(1)
  @IsInt()
  personId: number;
}

export class PhoneCodeDto {
  @ApiProperty({ description: 'The code from <Button openType="getPhoneNumber">' })
  @MaxLength(128)
  @IsNotEmpty()
  @IsString()
  code: string;
}

export class HomeUnitDto {
  @ApiProperty({ description: 'A village or small grid' })
  @Min(1)
  @IsInt()
  unitId: number;
}

export class UnitRefDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ example: '北孙村' })
  name: string;

  @ApiProperty({ example: 'village' })
  kind: string;
}

export class HeldRoleDto {
  @ApiProperty({ example: 'grid_leader' })
  role: string;

  @ApiProperty({ example: '网格巷长' })
  roleLabel: string;

  @ApiProperty({ type: UnitRefDto })
  unit: UnitRefDto;
}

export class MeDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ example: '王建国' })
  name: string;

  @ApiProperty({ example: '138****1234', nullable: true, type: String })
  phoneMasked: string | null;

  @ApiProperty({ type: [HeldRoleDto] })
  roles: HeldRoleDto[];

  @ApiProperty({ type: UnitRefDto, nullable: true })
  homeUnit: UnitRefDto | null;
}

export class SessionDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ description: 'Single use: each refresh returns a new one' })
  refreshToken: string;

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ type: MeDto })
  me: MeDto;
}

export class DemoPersonDto {
  @ApiProperty()
  personId: number;

  @ApiProperty()
  name: string;

  @ApiProperty()
  role: string;

  @ApiProperty()
  roleLabel: string;

  @ApiProperty()
  unitName: string;
}
