import { readFile } from 'node:fs/promises';
import type { ZodIssue } from 'zod';
import { usageError } from '../model/errors.js';
import { configSchema, type CrmConfig } from './schema.js';

/** Turn a zod issue into one plain-language line a data steward can act on. */
export function describeConfigIssue(issue: ZodIssue): string {
  const where = issue.path.length ? issue.path.join('.') : '(top level)';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${where}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} — check the spelling`;
    case 'invalid_type':
      return `${where}: expected ${issue.expected}, found ${issue.received}`;
    case 'invalid_enum_value':
      return `${where}: "${String(issue.received)}" is not one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

export function parseConfig(data: unknown, file = 'config'): CrmConfig {
  const parsed = configSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${describeConfigIssue(i)}`).join('\n');
  throw usageError(`invalid config file ${file}:\n${lines}`, 'Fix the keys above; `crmclean init FILES…` writes a valid starting point.');
}

export async function loadConfig(path: string): Promise<CrmConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw configReadError(path, err);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    const { line, column } = jsonErrorPosition(text, (err as Error).message);
    throw usageError(`config file is not valid JSON: ${(err as Error).message}`, 'Check for a missing comma, quote or brace near that spot.', {
      file: path,
      line,
      column,
    });
  }
  return parseConfig(data, path);
}

/** V8 reports "at position N"; turn it into line and column for the error message. */
function jsonErrorPosition(text: string, message: string): { line?: number; column?: number } {
  const m = /position (\d+)/.exec(message);
  if (!m) return {};
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return { line, column: pos - before.lastIndexOf('\n') };
}

/** Why a config file could not be read, in words, with what to do about it. */
function configReadError(path: string, err: unknown) {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return usageError(`config file ${path} does not exist`, `Check the path (relative paths start from ${process.cwd()}); \`crmclean init FILES…\` writes one.`);
    case 'EACCES':
    case 'EPERM':
      return usageError(`config file ${path} cannot be read: permission denied`, 'Check its permissions (ls -l).');
    case 'EISDIR':
      return usageError(`config file ${path} is a directory`, 'Give the path of the JSON file inside it.');
    default:
      return usageError(`cannot read config file ${path}: ${(err as Error).message}`);
  }
}
