export { fetchBytes, FetchFailed, fetchSigned } from './fetch';
export type { FetchBytes, Fetched, FetchFailure, FetchOptions } from './fetch';
export { DEFAULT_INTERVAL_MINUTES, failureDelayMs, isDue, MIN_INTERVAL_MINUTES, successDelayMs } from './schedule';
export { MAX_KEY_INPUT, newSubscription, parsePublicKey, subscribe, subscriptionUrlSchema, unsubscribe } from './subscriptions';
export type { SubscribeResult } from './subscriptions';
export { describeError, storeOnly, updateSubscription } from './update';
export type { ListInstaller, UpdateDeps, UpdateOutcome } from './update';
