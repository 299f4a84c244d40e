/**
 * Where reports go: the base URL of an authority's hub (`npm run hub`). Set on the options page or
 * by an organisation's policy; none by default, and then the form offers only the national
 * authority's official channel.
 */
import { storage } from 'wxt/utils/storage';

export const reportHubSetting = storage.defineItem<string | null>('local:reportHub', { fallback: null });
