import { Entity, Index } from 'typeorm';
import { StepMediaColumns } from './step-media';

/**
 * A photo as uploaded (随手拍): its bytes in the photo storage, its row saying whose it is and,
 * once attached, which request and step it belongs to (StepMediaColumns). Attached once, never moved.
 */
@Entity('photo')
@Index('IDX_photo_uploader', ['uploaderPersonId', 'requestId'])
@Index('IDX_photo_request_event', ['requestEventId'])
@Index('UQ_photo_storage_key', ['storageKey'], { unique: true })
export class Photo extends StepMediaColumns {}
