import { InitialSchema1795607637163 } from './1795607637163-InitialSchema';
import { IdentityAndGroups1795608848995 } from './1795608848995-IdentityAndGroups';
import { RosterImport1795609865850 } from './1795609865850-RosterImport';
import { Requests1795612135105 } from './1795612135105-Requests';
import { RequestRatings1795612625482 } from './1795612625482-RequestRatings';
import { PatrolDutyType1795612856755 } from './1795612856755-PatrolDutyType';
import { RoutingAndHotline1795619515463 } from './1795619515463-RoutingAndHotline';
import { Photos1795619542394 } from './1795619542394-Photos';
import { HotlineReceivedAt1795619822311 } from './1795619822311-HotlineReceivedAt';
import { Notifications1795620549825 } from './1795620549825-Notifications';
import { RequestClocks1795620751784 } from './1795620751784-RequestClocks';
import { SystemEvents1795620901653 } from './1795620901653-SystemEvents';
import { ReportFacts1795624700000 } from './1795624700000-ReportFacts';
import { ReportDispatch1795625182788 } from './1795625182788-ReportDispatch';
import { ReportIndexes1796287162754 } from './1796287162754-ReportIndexes';
import { VoiceNotes1796287645710 } from './1796287645710-VoiceNotes';
import { ReportTimelineIndexes1796288888027 } from './1796288888027-ReportTimelineIndexes';
import { RankingMonths1796298857659 } from './1796298857659-RankingMonths';
import { InboxIndex1796300000000 } from './1796300000000-InboxIndex';
import { RequestSubmitter1796632579620 } from './1796632579620-RequestSubmitter';
import { InternalStaffSteps1796640000000 } from './1796640000000-InternalStaffSteps';
import { PhoneViewRequest1796640000001 } from './1796640000001-PhoneViewRequest';
import { RankingExcluded1796650000000 } from './1796650000000-RankingExcluded';
import { RankingContactPending1796660000000 } from './1796660000000-RankingContactPending';
import { RequestExtensions1796670000000 } from './1796670000000-RequestExtensions';
import { DeskSignIn1796710000000 } from './1796710000000-DeskSignIn';
import { WorkDueIndexes1796720000000 } from './1796720000000-WorkDueIndexes';
import { RequestParking1796755000000 } from './1796755000000-RequestParking';
import { RejectReasons1796745000000 } from './1796745000000-RejectReasons';
import { PrintedNotices1796763000000 } from './1796763000000-PrintedNotices';
import { RequestTextIndex1796690000000 } from './1796690000000-RequestTextIndex';
import { SearchIndex1796690000001 } from './1796690000001-SearchIndex';
import { WorkCountsIndex1796690000002 } from './1796690000002-WorkCountsIndex';
import { ReturnVisits1796700000000 } from './1796700000000-ReturnVisits';

/** SQLite migrations, oldest first. scripts/generate-migration.sh adds each new one here. */
export const SQLITE_MIGRATIONS = [
  InitialSchema1795607637163,
  IdentityAndGroups1795608848995,
  RosterImport1795609865850,
  Requests1795612135105,
  RequestRatings1795612625482,
  PatrolDutyType1795612856755,
  RoutingAndHotline1795619515463,
  Photos1795619542394,
  HotlineReceivedAt1795619822311,
  Notifications1795620549825,
  RequestClocks1795620751784,
  SystemEvents1795620901653,
  ReportFacts1795624700000,
  ReportDispatch1795625182788,
  ReportIndexes1796287162754,
  VoiceNotes1796287645710,
  ReportTimelineIndexes1796288888027,
  RankingMonths1796298857659,
  InboxIndex1796300000000,
  RequestSubmitter1796632579620,
  InternalStaffSteps1796640000000,
  PhoneViewRequest1796640000001,
  RankingExcluded1796650000000,
  RankingContactPending1796660000000,
  RequestExtensions1796670000000,
  RequestTextIndex1796690000000,
  SearchIndex1796690000001,
  WorkCountsIndex1796690000002,
  ReturnVisits1796700000000,
  DeskSignIn1796710000000,
  WorkDueIndexes1796720000000,
  PrintedNotices1796763000000,
  RejectReasons1796745000000,
  RequestParking1796755000000,
];
