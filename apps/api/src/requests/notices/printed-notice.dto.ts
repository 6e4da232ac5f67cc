import { ApiProperty } from '@nestjs/swagger';
import { PRINTED_NOTICE_KINDS, REQUEST_CATEGORIES, REQUEST_STATES, type PrintedNoticeKind, type RequestCategory, type RequestState } from '@gridloop/domain';

/**
 * A printed notice as the paper shows it: the number, the unit it goes to, the matter and its
 * deadline, what is required and by when. The requester only as the policy shows them to staff
 * (masked); no phone, no address.
 */
export class PrintedNoticeDto {
  @ApiProperty()
  id: number;

  @ApiProperty()
  requestId: number;

  @ApiProperty({ description: 'The timeline row of the urge or supervise step that issued it' })
  eventId: number;

  @ApiProperty({ enum: PRINTED_NOTICE_KINDS })
  kind: PrintedNoticeKind;

  @ApiProperty({ description: '催办通知书 or 督办通知单' })
  title: string;

  @ApiProperty({ description: 'As printed: 台头镇督〔2026〕12号' })
  number: string;

  @ApiProperty()
  year: number;

  @ApiProperty({ description: 'Its place in the town’s count of its kind that year, from 1' })
  serial: number;

  @ApiProperty({ description: 'The town whose office issues it' })
  townName: string;

  @ApiProperty({ description: 'Who issues it: the town’s hotline office' })
  issuerName: string;

  @ApiProperty({ description: 'The unit it is addressed to (the matter’s handler when issued)' })
  unitName: string;

  @ApiProperty({ description: 'Where the matter is: the place’s units, town first' })
  placeName: string;

  @ApiProperty({ enum: REQUEST_CATEGORIES })
  category: RequestCategory;

  @ApiProperty()
  categoryLabel: string;

  @ApiProperty({ description: 'The matter in its requester’s words' })
  description: string;

  @ApiProperty({ enum: REQUEST_STATES })
  state: RequestState;

  @ApiProperty({ description: 'When the matter was received' })
  receivedAt: Date;

  @ApiProperty({ nullable: true, type: Date, description: 'The matter’s deadline when the notice was read (completion once set, else first contact)' })
  dueAt: Date | null;

  @ApiProperty({ nullable: true, type: String, description: 'The requester as staff see them (masked); null for a patrol finding' })
  requesterName: string | null;

  @ApiProperty({ description: 'What is required of the unit' })
  requirement: string;

  @ApiProperty({ nullable: true, type: String, description: 'The step’s note: the supervisor’s instruction (督办) or the urge’s words' })
  note: string | null;

  @ApiProperty()
  replyDays: number;

  @ApiProperty({ description: 'The working day by which the unit replies (YYYY-MM-DD, China)' })
  replyBy: string;

  @ApiProperty({ description: 'Who issued it (staff, by name)' })
  issuedByName: string;

  @ApiProperty()
  issuedAt: Date;
}
