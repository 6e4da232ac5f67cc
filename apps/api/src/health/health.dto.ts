import { ApiProperty } from '@nestjs/swagger';

export class DatabaseHealthDto {
  @ApiProperty({ enum: ['up', 'down'] })
  state: 'up' | 'down';

  @ApiProperty({ enum: ['sqlite', 'mysql'] })
  dialect: 'sqlite' | 'mysql';
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] })
  status: 'ok' | 'error';

  @ApiProperty({ type: DatabaseHealthDto })
  database: DatabaseHealthDto;

  @ApiProperty({ example: '0.1.0' })
  version: string;
}
