import { WechatAccount } from '../auth/wechat-account.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { DeskSignIn } from '../auth/desk/desk-sign-in.entity';
import { DeskTicket } from '../auth/desk/desk-ticket.entity';
import { AppSetting } from '../common/app-setting.entity';
import { OrgUnit } from '../grid/org-unit.entity';
import { Person } from '../grid/person.entity';
import { RoleAssignment } from '../grid/role-assignment.entity';
import { WechatGroup } from '../groups/wechat-group.entity';
import { PhoneViewLog } from '../people/phone-view-log.entity';
import { Photo } from '../photos/photo.entity';
import { VoiceNote } from '../voice-notes/voice-note.entity';
import { RequestEvent } from '../requests/request-event.entity';
import { RequestEntity } from '../requests/request.entity';
import { RequestFollower } from '../requests/request-follower.entity';
import { ReturnVisit } from '../requests/return-visits/return-visit.entity';
import { CategoryRoute } from '../requests/routing/category-route.entity';
import { RosterImport } from '../roster/roster-import.entity';
import { RequestTimer } from '../clocks/request-timer.entity';
import { ReportDispatch } from '../reports/report-dispatch.entity';
import { RankingMonth } from '../reports/ranking-month.entity';
import { RankingMonthCount } from '../reports/ranking-month-count.entity';
import { Notification } from '../notifications/notification.entity';
import { NotificationDelivery } from '../notifications/notification-delivery.entity';
import { SubscribeGrant } from '../notifications/subscribe-grant.entity';
import { WechatAccessToken } from '../wechat/wechat-access-token.entity';
import { NoticeCounter, PrintedNotice } from '../requests/notices/printed-notice.entity';

/** Every entity, listed once: the app, the migration CLI and the schema-drift test share it. */
export const ENTITIES = [
  AppSetting,
  OrgUnit,
  Person,
  RoleAssignment,
  WechatAccount,
  RefreshToken,
  DeskTicket,
  DeskSignIn,
  WechatAccessToken,
  WechatGroup,
  PhoneViewLog,
  RequestEntity,
  RequestEvent,
  RequestFollower,
  ReturnVisit,
  CategoryRoute,
  RosterImport,
  RequestTimer,
  ReportDispatch,
  RankingMonth,
  RankingMonthCount,
  Notification,
  NotificationDelivery,
  SubscribeGrant,
  Photo,
  VoiceNote,
  PrintedNotice,
  NoticeCounter,
];
