export { categoryLabel, isWebUrl, publisherTypeLabel, verdictLabel } from './labels';
export { MatchList } from './MatchList';
export { FrameNotice } from './FrameNotice';
export { PopupPage } from './PopupPage';
export { WarningPage } from './WarningPage';
