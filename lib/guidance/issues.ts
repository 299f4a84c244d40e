/**
 * Readable validation errors. zod/mini (used so pages stay small) ships no message texts, so every
 * issue would read "Invalid input"; this names the field and what is wrong with it.
 */
import type { core } from 'zod/mini';

function describe(issue: core.$ZodIssue): string {
  // Needs the parse's `reportInput: true`: without the input, missing and wrong look alike.
  const missing = issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
  if (missing) return 'is missing';
  switch (issue.code) {
    case 'invalid_type':
      return `should be ${issue.expected}`;
    case 'unrecognized_keys':
      return `has unknown field(s) ${issue.keys.join(', ')}`;
    case 'too_small':
      return `is too short (at least ${String(issue.minimum)})`;
    case 'too_big':
      return `is too long (at most ${String(issue.maximum)})`;
    case 'invalid_format':
      return `is not a valid ${issue.format}`;
    case 'invalid_value':
      return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

export function issuesText(issues: readonly core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(the file)'} ${describe(issue)}`).join('; ');
}
