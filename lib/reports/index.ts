export {
  HUB_ERROR_CODES,
  hubErrorSchema,
  isRetryableStatus,
  MAX_COMMENT_LENGTH,
  MAX_EMAIL_LENGTH,
  MAX_PAGE_LENGTH,
  REPORT_KINDS,
  REPORT_REASONS,
  reportContactSchema,
  reportKindSchema,
  reportPageSchema,
  reportReasonSchema,
  reportReceiptSchema,
  reportSchema,
} from './schema';
export type { HubErrorBody, HubErrorCode, Report, ReportKind, ReportReason, ReportReceipt } from './schema';
export { reportTarget, trimmedPage } from './target';
export type { ReportTarget } from './target';
export { deleteItem, deliverDue, enqueueReport, normalizeHubUrl, postJson, REPORTS_PATH, retryDelayMs, sendItem } from './outbox';
export type { EnqueueResult, Post } from './outbox';
export { REPORT_DATA_CATEGORIES, reportDataCategories } from './data-categories';
export type { ReportDataCategory } from './data-categories';
