import { ApiProperty } from '@nestjs/swagger';
import { REJECT_REASONS, type RejectReason } from '@gridloop/domain';

/** Who took a decision: a member of staff acting officially (the board already names grid leaders). */
export class ExclusionDeciderDto {
  @ApiProperty({ nullable: true, type: String, example: '网格巷长', description: 'The role they held over the matter then' })
  roleLabel: string | null;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;
}

/** A matter refused as unreasonable, the refusal confirmed at look-back: not counted in the unit's rates. */
export class ExclusionDto {
  @ApiProperty()
  requestId: number;

  @ApiProperty({ example: 'dispute' })
  category: string;

  @ApiProperty()
  receivedAt: Date;

  @ApiProperty({ nullable: true, type: Date, description: 'When it was refused (不予受理)' })
  rejectedAt: Date | null;

  @ApiProperty({ type: ExclusionDeciderDto, description: 'Who refused it' })
  rejectedBy: ExclusionDeciderDto;

  @ApiProperty({ nullable: true, type: Date, description: 'When the refusal was confirmed at look-back (回看)' })
  lookedBackAt: Date | null;

  @ApiProperty({ type: ExclusionDeciderDto, description: 'Who confirmed it at look-back' })
  lookedBackBy: ExclusionDeciderDto;

  @ApiProperty({ description: 'A reason was recorded with the refusal (it always is: the refusal requires one)' })
  reasonRecorded: boolean;

  @ApiProperty({
    nullable: true,
    enum: REJECT_REASONS,
    description: 'The kind of reason chosen when refusing (a fixed word, shown to everyone); null for a refusal recorded before reasons were kept',
  })
  reasonKind: RejectReason | null;

  @ApiProperty({ nullable: true, type: String, example: '重复诉求', description: 'reasonKind in words' })
  reasonLabel: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The reason as written; only for a signed-in caller who may open the matter (free text, may name people), else null',
  })
  reason: string | null;

  @ApiProperty({ description: 'The signed-in caller may open the matter' })
  openable: boolean;
}

export class ExclusionRegisterDto {
  @ApiProperty()
  unitName: string;

  @ApiProperty({ description: 'Matters excluded: the entries plus confidentialCount' })
  count: number;

  @ApiProperty({ description: 'Confidential (保密) matters excluded: counted, never listed' })
  confidentialCount: number;

  @ApiProperty({ type: [ExclusionDto] })
  entries: ExclusionDto[];
}
