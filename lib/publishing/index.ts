/**
 * Publishing lists, for the toolkit and the hub alike: the publish layout's names, the checks every
 * publication passes as a subscriber would run them, a directory publish and a whole-layout export,
 * the guard that keeps secrets out of what is served, and one error type.
 */
export { publishToDirectory, writeLayout } from './directory';
export type { PublishPlan, PublishResult } from './directory';
export { ioReason, PublishError } from './error';
export type { PublishProblem } from './error';
export { servedDirectoryProblem } from './guard';
export type { Guarded, ServedDirectoryProblem } from './guard';
export { isImmutable, layoutFile } from './layout';
export type { LayoutFile } from './layout';
export { verifyLayout, verifyPublication } from './verify';
export type { LayoutCheck } from './verify';
