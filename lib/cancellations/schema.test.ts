import { describe, expect, it } from 'vitest';
import { decideCancellationSchema, requestCancellationSchema } from './schema';

const ids = { lessonId: '7f1c3f4e-4a8b-4c47-9d38-0b1d7f2c9a11', studentId: '0e6b1e6a-62c4-4a1e-a3f4-8d9b2c3e4f50' };

describe('requestCancellationSchema', () => {
  it('trims the reason and requires one', () => {
    expect(requestCancellationSchema.parse({ ...ids, reason: '  choroba  ' }).reason).toBe('choroba');
    expect(requestCancellationSchema.safeParse({ ...ids, reason: '   ' }).error?.issues[0].message).toBe('cancellations.reasonRequired');
  });
  it('refuses long or control-character reasons and bad ids', () => {
    expect(requestCancellationSchema.safeParse({ ...ids, reason: 'x'.repeat(501) }).error?.issues[0].message).toBe('cancellations.reasonTooLong');
    expect(requestCancellationSchema.safeParse({ ...ids, reason: 'a\u0000b' }).success).toBe(false);
    expect(requestCancellationSchema.safeParse({ ...ids, lessonId: "1' or 1=1", reason: 'x' }).success).toBe(false);
    expect(requestCancellationSchema.safeParse({ ...ids, reason: { toString: () => 'x' } }).success).toBe(false);
  });
});

describe('decideCancellationSchema', () => {
  it('knows two decisions and makes an empty note null', () => {
    expect(decideCancellationSchema.parse({ requestId: ids.lessonId, decision: 'approve', note: ' ' }).note).toBeNull();
    expect(decideCancellationSchema.parse({ requestId: ids.lessonId, decision: 'reject' }).note).toBeNull();
    expect(decideCancellationSchema.safeParse({ requestId: ids.lessonId, decision: 'withdraw' }).success).toBe(false);
  });
});
