import { env } from '@/lib/env';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** One line per event, key=value context, never a stack trace to a client. */
function write(level: Level, message: string, context?: Record<string, unknown>) {
  if (order[level] < order[env.LOG_LEVEL]) return;
  const line = `[tutorhub] ${level.toUpperCase()} ${message}${context ? ' ' + JSON.stringify(context) : ''}`;
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

export const log = {
  debug: (m: string, c?: Record<string, unknown>) => write('debug', m, c),
  info: (m: string, c?: Record<string, unknown>) => write('info', m, c),
  warn: (m: string, c?: Record<string, unknown>) => write('warn', m, c),
  error: (m: string, c?: Record<string, unknown>) => write('error', m, c),
};
