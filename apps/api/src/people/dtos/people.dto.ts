import { ApiProperty } from '@nestjs/swagger';

export class FullPhoneDto {
  @ApiProperty()
  personId: number;

  @ApiProperty({ example: '13812341234' })
  phone: string;
}

export class RosterPersonDto {
  @ApiProperty()
  personId: number;

  @ApiProperty({ example: '王建国' })
  name: string;

  @ApiProperty({ example: '138****1234', nullable: true, type: String })
  phoneMasked: string | null;
}

export class RosterGridDto {
  @ApiProperty()
  smallGridId: number;

  @ApiProperty({ example: '北孙村第1网格' })
  smallGridName: string;

  @ApiProperty({ type: RosterPersonDto, nullable: true })
  leader: RosterPersonDto | null;

  @ApiProperty({ type: RosterPersonDto, nullable: true })
  deputy: RosterPersonDto | null;
}
