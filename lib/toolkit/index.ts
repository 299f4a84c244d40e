export { COMMANDS, run } from './run';
export type { Command, Io } from './command';
export { CliError, EXIT } from './exit';
export type { ExitCode } from './exit';
export { progressBar, silentProgress } from './progress';
export type { Progress, ProgressStream } from './progress';
