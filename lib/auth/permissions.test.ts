import { describe, expect, it } from 'vitest';
import { can, homeOf, permissions, roleForArea, roles, type Permission } from './permissions';

// The expected answer for every role × permission, written out independently of the table.
const expected: Record<Permission, Record<(typeof roles)[number], boolean>> = {
  'home.view': { admin: true, tutor: true, student: true, parent: true },
  'users.list': { admin: true, tutor: false, student: false, parent: false },
  'users.invite': { admin: true, tutor: false, student: false, parent: false },
  'users.manage': { admin: true, tutor: false, student: false, parent: false },
  'families.manage': { admin: true, tutor: false, student: false, parent: false },
  'outbox.read': { admin: true, tutor: false, student: false, parent: false },
  'students.read': { admin: true, tutor: true, student: true, parent: true },
  'records.read': { admin: true, tutor: true, student: false, parent: false },
  'records.manage': { admin: true, tutor: false, student: false, parent: false },
  'students.updateContact': { admin: true, tutor: false, student: false, parent: true },
  'lessons.read': { admin: true, tutor: true, student: true, parent: true },
  'lessons.manage': { admin: true, tutor: true, student: false, parent: false },
  'lessons.manageAll': { admin: true, tutor: false, student: false, parent: false },
  'attendance.mark': { admin: true, tutor: true, student: false, parent: false },
  'attendance.report': { admin: true, tutor: false, student: false, parent: false },
  'progress.read': { admin: true, tutor: true, student: true, parent: true },
  'availability.manage': { admin: true, tutor: true, student: false, parent: false },
  'availability.manageAll': { admin: true, tutor: false, student: false, parent: false },
  'series.manage': { admin: true, tutor: false, student: false, parent: false },
  'closures.manage': { admin: true, tutor: false, student: false, parent: false },
  'cancellations.request': { admin: false, tutor: false, student: true, parent: true },
  'cancellations.read': { admin: true, tutor: true, student: true, parent: true },
  'cancellations.decide': { admin: true, tutor: true, student: false, parent: false },
  'makeups.book': { admin: true, tutor: true, student: false, parent: false },
  'settings.manage': { admin: true, tutor: false, student: false, parent: false },
  'invoices.read': { admin: true, tutor: false, student: false, parent: true },
  'invoices.manage': { admin: true, tutor: false, student: false, parent: false },
  'billing.run': { admin: true, tutor: false, student: false, parent: false },
  'prices.manage': { admin: true, tutor: false, student: false, parent: false },
  'earnings.read': { admin: true, tutor: true, student: false, parent: false },
  'reports.read': { admin: true, tutor: false, student: false, parent: false },
  'jobs.read': { admin: true, tutor: false, student: false, parent: false },
  'jobs.run': { admin: true, tutor: false, student: false, parent: false },
  'audit.read': { admin: true, tutor: false, student: false, parent: false },
  'messages.read': { admin: true, tutor: true, student: true, parent: true },
  'messages.write': { admin: true, tutor: true, student: true, parent: true },
  'gdpr.manage': { admin: true, tutor: false, student: false, parent: false },
};

describe('permission table', () => {
  it('covers exactly the permissions the expectations list', () => {
    expect(Object.keys(permissions).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const permission of Object.keys(expected) as Permission[]) {
    for (const role of roles) {
      it(`${role} ${expected[permission][role] ? 'may' : 'may not'} ${permission}`, () => {
        expect(can(role, permission)).toBe(expected[permission][role]);
      });
    }
  }

  it('sends each role to its own area', () => {
    for (const role of roles) expect(roleForArea(homeOf[role])).toBe(role);
    expect(roleForArea('/admin/users/123')).toBe('admin');
    expect(roleForArea('/login')).toBeNull();
    expect(roleForArea('/')).toBeNull();
  });
});
