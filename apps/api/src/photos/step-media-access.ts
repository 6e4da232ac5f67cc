import { Injectable } from '@nestjs/common';
import { relationsTo } from '@gridloop/domain';
import { Actor } from '../auth/actor';
import { AppError } from '../common/app-error';
import { ErrorCode } from '../common/error-codes';
import { RequestRepository } from '../requests/request.repository';

/** A photo or voice note as far as seeing it goes: whose upload, and the request and step it is attached to. */
export interface StepMedia {
  uploaderPersonId: number;
  requestId: number | null;
  requestEventId: number | null;
}

/**
 * Who may see a photo or hear a voice note: its uploader while it is unattached; afterwards whoever
 * may see the request (RequestRepository.findVisible, as getRequest), and for media of an internal
 * step only those handling the case, as the timeline shows it.
 */
@Injectable()
export class StepMediaAccess {
  constructor(private readonly requests: RequestRepository) {}

  /**
   * The upload (found by id, or null) when the caller may see it; everyone else is told it does not
   * exist (NOT_FOUND on `field`, never FORBIDDEN), so ids cannot be probed.
   */
  async seenBy<T extends StepMedia>(actor: Actor, media: T | null, field: string): Promise<T> {
    if (!media || !(await this.maySee(actor, media))) throw new AppError(ErrorCode.NotFound, field);
    return media;
  }

  async maySee(actor: Actor, media: StepMedia): Promise<boolean> {
    if (media.requestId === null) return media.uploaderPersonId === actor.personId;
    const request = await this.requests.findVisible(media.requestId, actor.personId, actor.spanFor('request.view'));
    if (!request?.unit) return false;
    if (media.requestEventId === null || (await this.requests.eventIsPublic(media.requestEventId))) return true;
    const relations = relationsTo(actor.personId, actor.held, {
      requesterPersonId: request.requesterPersonId,
      handlerUnitId: request.handlerUnitId,
      unitPath: request.unit.path,
    });
    return relations.includes('handler') || relations.includes('supervisor');
  }
}
