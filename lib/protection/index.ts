export { badgeLook, badgeReset, committedResetsBadge, forgetBadge, showBadge, tabChange } from './badge';
export type { BadgeLook, TabChange } from './badge';
export { BUNDLED_INDEX_FILE, BUNDLED_VALID_DAYS, ensureBundledLists, stampBundledLists } from './bundled';
export { watchSiteAccess } from './site-access';
export { FOLD_ALARM, needsCompaction, ProtectionService, urlToCheck } from './service';
export { ALARM_PERIOD_MINUTES, scheduleUpdates, UPDATE_ALARM } from './alarms';
export { ListsService } from './lists-service';
export { applyPolicy, policySchema, readPolicy } from './policy';
export { OUTBOX_ALARM, ReportsService } from './reports-service';
