import 'server-only';
import { and, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { emailOutbox, emailStatus } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import { can } from '@/lib/auth/permissions';
import { getDb } from '@/lib/db';
import { listFilters } from '@/lib/list/filters';
import { emptyPage, paginate, type ListPage } from '@/lib/list/paginate';
import { escapeLike } from '@/lib/search';
import { SENSITIVE_TEMPLATES } from '@/lib/email';
import { isUuid } from '@/lib/students/queries';

export const OUTBOX_PAGE_SIZE = 25;

export const outboxStatuses = emailStatus.enumValues;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** The outbox's filters from the URL: the shared search and page, and a status (an unknown one is no filter). */
export const outboxListFilters = listFilters.extend({ status: z.enum(outboxStatuses).optional().catch(undefined) });

/** As read from the URL: anything malformed falls back to no filter or the first page. */
export type OutboxFilters = { q?: string; status?: string; page?: number };

// The list never carries bodies: they are large, and some of them hold sign-in links.
const outboxSummary = {
  id: emailOutbox.id,
  toAddress: emailOutbox.toAddress,
  subject: emailOutbox.subject,
  template: emailOutbox.template,
  status: emailOutbox.status,
  createdAt: emailOutbox.createdAt,
  sentAt: emailOutbox.sentAt,
};

export type OutboxRow = {
  id: string;
  toAddress: string;
  subject: string;
  template: string;
  status: OutboxStatus;
  createdAt: Date;
  sentAt: Date | null;
};

/** `%` and `_` typed into the search box are meant literally, not as LIKE wildcards. */
function likePattern(term: string) {
  return `%${escapeLike(term)}%`;
}

/**
 * The school's sent emails, newest first, 25 a page, optionally searched (recipient or
 * subject) and filtered by status; `filters` are read as the URL's (`outboxListFilters`).
 * A page past the end gives the last page. Anyone who may not read the outbox gets an empty list.
 */
export async function listOutbox(viewer: Viewer, filters: OutboxFilters = {}): Promise<ListPage<OutboxRow>> {
  if (!can(viewer.role, 'outbox.read')) return emptyPage(OUTBOX_PAGE_SIZE);
  const { q, status, page } = outboxListFilters.parse(filters);

  const conditions: SQL[] = [eq(emailOutbox.schoolId, viewer.schoolId)];
  if (q) conditions.push(or(ilike(emailOutbox.toAddress, likePattern(q)), ilike(emailOutbox.subject, likePattern(q)))!);
  if (status) conditions.push(eq(emailOutbox.status, status));
  const where = and(...conditions);

  const db = getDb();
  const query = db
    .select(outboxSummary)
    .from(emailOutbox)
    .where(where)
    // id breaks ties so rows written in the same instant do not swap between pages.
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id));
  return paginate(query, () => db.$count(emailOutbox, where), { page, q, pageSize: OUTBOX_PAGE_SIZE });
}

export type OutboxMessage = OutboxRow & { error: string | null } & (
    | { bodyHidden: false; html: string; text: string }
    | { bodyHidden: true }
  );

/**
 * One message of the viewer's school, or undefined (the page answers 404). A sign-in or
 * invitation email comes back without its body: an admin who could read the link could
 * sign in as that parent or tutor.
 */
export async function getOutboxMessage(viewer: Viewer, id: string): Promise<OutboxMessage | undefined> {
  if (!can(viewer.role, 'outbox.read') || !isUuid(id)) return undefined;
  // Decided in SQL too, so a sensitive body never leaves the database.
  const hidden = inArray(emailOutbox.template, [...SENSITIVE_TEMPLATES]);
  const [row] = await getDb()
    .select({
      ...outboxSummary,
      error: emailOutbox.error,
      html: sql<string | null>`case when ${hidden} then null else ${emailOutbox.html} end`,
      text: sql<string | null>`case when ${hidden} then null else ${emailOutbox.text} end`,
    })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.schoolId, viewer.schoolId)));
  if (!row) return undefined;

  const { html, text, ...summary } = row;
  if (SENSITIVE_TEMPLATES.has(row.template) || html === null || text === null) return { ...summary, bodyHidden: true };
  return { ...summary, bodyHidden: false, html, text };
}
