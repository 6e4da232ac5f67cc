import { InitialSchema1795607638272 } from './1795607638272-InitialSchema';
import { IdentityAndGroups1795608851640 } from './1795608851640-IdentityAndGroups';
import { RosterImport1795609868545 } from './1795609868545-RosterImport';
import { Requests1795612138838 } from './1795612138838-Requests';
import { RequestRatings1795612628236 } from './1795612628236-RequestRatings';
import { PatrolDutyType1795612862711 } from './1795612862711-PatrolDutyType';
import { RoutingAndHotline1795619517323 } from './1795619517323-RoutingAndHotline';
import { Photos1795619544697 } from './1795619544697-Photos';
import { HotlineReceivedAt1795619825269 } from './1795619825269-HotlineReceivedAt';
import { Notifications1795620555593 } from './1795620555593-Notifications';
import { RequestClocks1795620753739 } from './1795620753739-RequestClocks';
import { SystemEvents1795620904816 } from './1795620904816-SystemEvents';
import { ReportFacts1795624700000 } from './1795624700000-ReportFacts';
import { ReportDispatch1795625185579 } from './1795625185579-ReportDispatch';
import { ReportIndexes1796287165641 } from './1796287165641-ReportIndexes';
import { VoiceNotes1796287649188 } from './1796287649188-VoiceNotes';
import { ReportTimelineIndexes1796288891580 } from './1796288891580-ReportTimelineIndexes';
import { RankingMonths1796298860380 } from './1796298860380-RankingMonths';
import { InboxIndex1796300000000 } from './1796300000000-InboxIndex';
import { RequestSubmitter1796632584054 } from './1796632584054-RequestSubmitter';
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

/** MySQL/MariaDB migrations, oldest first. scripts/generate-migration.sh adds each new one here. */
export const MYSQL_MIGRATIONS = [
  InitialSchema1795607638272,
  IdentityAndGroups1795608851640,
  RosterImport1795609868545,
  Requests1795612138838,
  RequestRatings1795612628236,
  PatrolDutyType1795612862711,
  RoutingAndHotline1795619517323,
  Photos1795619544697,
  HotlineReceivedAt1795619825269,
  Notifications1795620555593,
  RequestClocks1795620753739,
  SystemEvents1795620904816,
  ReportFacts1795624700000,
  ReportDispatch1795625185579,
  ReportIndexes1796287165641,
  VoiceNotes1796287649188,
  ReportTimelineIndexes1796288891580,
  RankingMonths1796298860380,
  InboxIndex1796300000000,
  RequestSubmitter1796632584054,
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
