/**
 * Stable error codes, published in the OpenAPI document for clients to branch on.
 * Each has the Chinese message a villager reads; `field` says which input was wrong.
 */
export enum ErrorCode {
  BodyNotJson = 'BODY_NOT_JSON',
  BodyTooLarge = 'BODY_TOO_LARGE',
  ValidationFailed = 'VALIDATION_FAILED',
  AuthRequired = 'AUTH_REQUIRED',
  TokenExpired = 'TOKEN_EXPIRED',
  TokenInvalid = 'TOKEN_INVALID',
  RefreshTokenInvalid = 'REFRESH_TOKEN_INVALID',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  UnitNotSelectable = 'UNIT_NOT_SELECTABLE',
  GroupAlreadyBound = 'GROUP_ALREADY_BOUND',
  GroupTicketInvalid = 'GROUP_TICKET_INVALID',
  RequestConflict = 'REQUEST_CONFLICT',
  RequestWrongState = 'REQUEST_WRONG_STATE',
  RequestConfidential = 'REQUEST_CONFIDENTIAL',
  AlreadySubmitted = 'ALREADY_SUBMITTED',
  RequestLimitReached = 'REQUEST_LIMIT_REACHED',
  ExtensionTooLate = 'EXTENSION_TOO_LATE',
  ExtensionLimitReached = 'EXTENSION_LIMIT_REACHED',
  ExtensionPending = 'EXTENSION_PENDING',
  ParkPending = 'PARK_PENDING',
  ReturnWindowPassed = 'RETURN_WINDOW_PASSED',
  UnitNotChosen = 'UNIT_NOT_CHOSEN',
  WechatNotConfigured = 'WECHAT_NOT_CONFIGURED',
  WechatCodeInvalid = 'WECHAT_CODE_INVALID',
  WechatRateLimited = 'WECHAT_RATE_LIMITED',
  WechatBusy = 'WECHAT_BUSY',
  WechatUnavailable = 'WECHAT_UNAVAILABLE',
  WechatError = 'WECHAT_ERROR',
  WechatDecryptFailed = 'WECHAT_DECRYPT_FAILED',
  RosterNotATown = 'ROSTER_NOT_A_TOWN',
  RosterFileUnreadable = 'ROSTER_FILE_UNREADABLE',
  RosterHeaderInvalid = 'ROSTER_HEADER_INVALID',
  RosterEmpty = 'ROSTER_EMPTY',
  RosterFileTooLarge = 'ROSTER_FILE_TOO_LARGE',
  RosterTooManyRows = 'ROSTER_TOO_MANY_ROWS',
  HotlineFileUnreadable = 'HOTLINE_FILE_UNREADABLE',
  HotlineHeaderInvalid = 'HOTLINE_HEADER_INVALID',
  HotlineFileEmpty = 'HOTLINE_FILE_EMPTY',
  HotlineFileInvalid = 'HOTLINE_FILE_INVALID',
  HotlineFileTooLarge = 'HOTLINE_FILE_TOO_LARGE',
  HotlineTooManyRows = 'HOTLINE_TOO_MANY_ROWS',
  HotlineOrderHeldElsewhere = 'HOTLINE_ORDER_HELD_ELSEWHERE',
  PhotoNotImage = 'PHOTO_NOT_IMAGE',
  PhotoTooLarge = 'PHOTO_TOO_LARGE',
  PhotoNotUsable = 'PHOTO_NOT_USABLE',
  UploadsPending = 'UPLOADS_PENDING',
  VoiceNoteNotAudio = 'VOICE_NOTE_NOT_AUDIO',
  VoiceNoteTooLarge = 'VOICE_NOTE_TOO_LARGE',
  VoiceNoteNotUsable = 'VOICE_NOTE_NOT_USABLE',
  ContentRisky = 'CONTENT_RISKY',
  SubscribeTemplateUnknown = 'SUBSCRIBE_TEMPLATE_UNKNOWN',
  DeskTicketExpired = 'DESK_TICKET_EXPIRED',
  DeskTicketUsed = 'DESK_TICKET_USED',
  DeskTicketCancelled = 'DESK_TICKET_CANCELLED',
  DeskTicketOtherPerson = 'DESK_TICKET_OTHER_PERSON',
  DeskNotStaff = 'DESK_NOT_STAFF',
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  Internal = 'INTERNAL_ERROR',
}

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  [ErrorCode.BodyNotJson]: '提交的内容格式不对，请刷新后重试',
  [ErrorCode.BodyTooLarge]: '提交的内容太大，请删减后重试',
  [ErrorCode.ValidationFailed]: '填写的内容有误，请检查后重试',
  [ErrorCode.AuthRequired]: '请先登录',
  [ErrorCode.TokenExpired]: '登录已过期，请重新登录',
  [ErrorCode.TokenInvalid]: '登录信息无效，请重新登录',
  [ErrorCode.RefreshTokenInvalid]: '登录已失效，请重新登录',
  [ErrorCode.Forbidden]: '您没有权限进行这个操作',
  [ErrorCode.NotFound]: '没有找到您要的内容',
  [ErrorCode.UnitNotSelectable]: '请选择一个村或小网格',
  [ErrorCode.GroupAlreadyBound]: '这个群已经绑定过村庄或网格了',
  [ErrorCode.GroupTicketInvalid]: '群信息已过期，请从群里重新打开小程序',
  [ErrorCode.RequestConflict]: '这条诉求刚被其他人处理过，请刷新后再看',
  [ErrorCode.RequestWrongState]: '这条诉求现在不能进行这个操作，请刷新后再看',
  [ErrorCode.RequestConfidential]: '保密诉求不能与其他诉求合并',
  [ErrorCode.AlreadySubmitted]: '这件事之前已经提交过了，不会重复登记',
  // The limit is configurable (REQUEST_HOURLY_LIMIT_PER_PERSON): the service names it in the message it sends.
  [ErrorCode.RequestLimitReached]: '您这一小时提交的诉求太多了，请过一会儿再提交；急事请直接打电话给网格员',
  // The lead and the limit are configurable (EXTENSION_RULES): the service names them in the message it sends.
  [ErrorCode.ExtensionTooLate]: '离办理期限太近或已经超时，不能再申请延期',
  [ErrorCode.ExtensionLimitReached]: '这件事延期的次数已经用完了',
  [ErrorCode.ExtensionPending]: '这件事已有一个延期申请在等审批，请等审批后再申请',
  [ErrorCode.ParkPending]: '这件事已有一个挂账申请在等审批，请等审批后再申请',
  // The window is configurable (REFUSAL_RULES): the service names it in the message it sends.
  [ErrorCode.ReturnWindowPassed]: '已经超过退单时限，请申请转办',
  [ErrorCode.UnitNotChosen]: '请先选择您所在的村或网格',
  [ErrorCode.WechatNotConfigured]: '微信登录暂未开通',
  [ErrorCode.WechatCodeInvalid]: '微信登录凭证已失效，请重试',
  [ErrorCode.WechatRateLimited]: '微信接口调用太频繁，请稍后再试',
  [ErrorCode.WechatBusy]: '微信服务繁忙，请稍后再试',
  [ErrorCode.WechatUnavailable]: '暂时连不上微信，请稍后再试',
  [ErrorCode.WechatError]: '微信服务出错，请稍后再试',
  [ErrorCode.WechatDecryptFailed]: '无法识别这个群，请手动选择所在的村',
  [ErrorCode.RosterNotATown]: '花名册按镇导入导出，请选择一个镇',
  [ErrorCode.RosterFileUnreadable]: '无法读取这个文件，请上传 Excel 表格（.xlsx 格式；.xls 请先另存为 .xlsx）',
  [ErrorCode.RosterHeaderInvalid]: '表头不对：第一行应依次为 镇、村、大网格、小网格、巷长姓名、巷长手机号、副巷长姓名、副巷长手机号',
  [ErrorCode.RosterEmpty]: '花名册里没有数据，请从第二行起每行填一个小网格',
  // The limits quoted here are MAX_UPLOAD_BYTES and MAX_DATA_ROWS in roster/roster-format.ts.
  [ErrorCode.RosterFileTooLarge]: '文件太大了，花名册文件不能超过 5 MB',
  [ErrorCode.RosterTooManyRows]: '花名册行数太多，一次最多导入 5000 行',
  [ErrorCode.HotlineFileUnreadable]: '无法读取这个文件，请上传 Excel 表格（.xlsx 格式；.xls 请先另存为 .xlsx）',
  // The columns are HOTLINE_COLUMNS in hotline/hotline-sheet.ts.
  [ErrorCode.HotlineHeaderInvalid]: '表头不对：第一行应依次为 工单编号、受理时间、来电人、来电号码、诉求类别、诉求内容、办理时限、是否保密',
  [ErrorCode.HotlineFileEmpty]: '表格里没有工单，请从第二行起每行填一个工单',
  // The service lists the rows and columns at fault in the message it sends.
  [ErrorCode.HotlineFileInvalid]: '表格里有填写错误的工单，请改正后重新导入',
  [ErrorCode.HotlineFileTooLarge]: '文件太大了，工单表格不能超过 5 MB',
  [ErrorCode.HotlineTooManyRows]: '工单太多，一次最多导入 500 个',
  // The service names the order and the town that holds it in the message it sends.
  [ErrorCode.HotlineOrderHeldElsewhere]: '这个工单已由其他镇导入办理，不能重复导入',
  [ErrorCode.PhotoNotImage]: '只能上传 JPG、PNG 或 WebP 格式的照片',
  // The limit is configurable (PHOTO_MAX_BYTES): the service names it in the message it sends.
  [ErrorCode.PhotoTooLarge]: '照片太大了，请压缩后再上传',
  [ErrorCode.PhotoNotUsable]: '照片无效或已经用过了，请重新上传',
  [ErrorCode.UploadsPending]: '您上传的照片和语音还有很多没有提交，请先提交诉求，或过几天再传',
  [ErrorCode.VoiceNoteNotAudio]: '这不是一段录音，请重新录一段',
  [ErrorCode.VoiceNoteTooLarge]: '录音太大了，请录短一点（不超过 60 秒）',
  [ErrorCode.VoiceNoteNotUsable]: '录音无效或已经用过了，请重新录一段',
  [ErrorCode.ContentRisky]: '内容含有违规信息，请修改后再提交',
  [ErrorCode.SubscribeTemplateUnknown]: '这个消息提醒暂不可用，请刷新后重试',
  [ErrorCode.DeskTicketExpired]: '二维码已过期，请在电脑上刷新二维码后重新扫码',
  [ErrorCode.DeskTicketUsed]: '这个二维码已经用过了，请在电脑上刷新二维码后重新扫码',
  [ErrorCode.DeskTicketCancelled]: '已在手机上取消登录，请刷新二维码后重新扫码',
  [ErrorCode.DeskTicketOtherPerson]: '这个二维码已由其他人确认登录，不能再用',
  [ErrorCode.DeskNotStaff]: '电脑工作台仅供镇村工作人员使用，村民请在微信小程序里办理',
  [ErrorCode.MethodNotAllowed]: '不支持这个操作',
  [ErrorCode.TooManyRequests]: '操作太频繁，请稍后再试',
  [ErrorCode.DatabaseUnavailable]: '系统正在维护，请稍后再试',
  [ErrorCode.Internal]: '系统出了点问题，请稍后再试',
};

/** The one place codes meet HTTP. The switch is exhaustive: a new code without a status fails to compile. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.BodyNotJson:
    case ErrorCode.ValidationFailed:
    case ErrorCode.UnitNotSelectable:
    case ErrorCode.UnitNotChosen:
    case ErrorCode.GroupTicketInvalid:
    case ErrorCode.WechatCodeInvalid:
    case ErrorCode.WechatDecryptFailed:
    case ErrorCode.RosterNotATown:
    case ErrorCode.RosterFileUnreadable:
    case ErrorCode.RosterHeaderInvalid:
    case ErrorCode.RosterEmpty:
    case ErrorCode.HotlineFileUnreadable:
    case ErrorCode.HotlineHeaderInvalid:
    case ErrorCode.HotlineFileEmpty:
    case ErrorCode.HotlineFileInvalid:
    case ErrorCode.PhotoNotImage:
    case ErrorCode.PhotoNotUsable:
    case ErrorCode.VoiceNoteNotAudio:
    case ErrorCode.VoiceNoteNotUsable:
    case ErrorCode.ContentRisky:
    case ErrorCode.SubscribeTemplateUnknown:
      return 400;
    case ErrorCode.AuthRequired:
    case ErrorCode.TokenExpired:
    case ErrorCode.TokenInvalid:
    case ErrorCode.RefreshTokenInvalid:
      return 401;
    case ErrorCode.Forbidden:
    case ErrorCode.DeskNotStaff:
      return 403;
    case ErrorCode.DeskTicketExpired:
      return 410;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.GroupAlreadyBound:
    case ErrorCode.RequestConflict:
    case ErrorCode.DeskTicketUsed:
    case ErrorCode.DeskTicketCancelled:
    case ErrorCode.DeskTicketOtherPerson:
    case ErrorCode.HotlineOrderHeldElsewhere:
    case ErrorCode.RequestWrongState:
    case ErrorCode.RequestConfidential:
    case ErrorCode.AlreadySubmitted:
    case ErrorCode.ExtensionTooLate:
    case ErrorCode.ExtensionLimitReached:
    case ErrorCode.ExtensionPending:
    case ErrorCode.ParkPending:
    case ErrorCode.ReturnWindowPassed:
      return 409;
    case ErrorCode.WechatError:
      return 502;
    case ErrorCode.MethodNotAllowed:
      return 405;
    case ErrorCode.BodyTooLarge:
    case ErrorCode.RosterFileTooLarge:
    case ErrorCode.RosterTooManyRows:
    case ErrorCode.PhotoTooLarge:
    case ErrorCode.VoiceNoteTooLarge:
    case ErrorCode.HotlineFileTooLarge:
    case ErrorCode.HotlineTooManyRows:
      return 413;
    case ErrorCode.TooManyRequests:
    case ErrorCode.WechatRateLimited:
    case ErrorCode.UploadsPending:
    case ErrorCode.RequestLimitReached:
      return 429;
    case ErrorCode.DatabaseUnavailable:
    case ErrorCode.WechatNotConfigured:
    case ErrorCode.WechatBusy:
    case ErrorCode.WechatUnavailable:
      return 503;
    case ErrorCode.Internal:
      return 500;
  }
}
