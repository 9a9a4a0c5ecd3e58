import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.audit.json';
import pl from '@/messages/pl.audit.json';
import { actionsOf, AUDIT_ACTIONS, AUDIT_GROUPS } from './catalog';

const root = path.resolve(import.meta.dirname, '../..');
const SOURCE_DIRS = ['lib', 'app', 'inngest', 'scripts', 'db', 'components'];
/** The writers themselves pass an entry through (`action: entry.action`). */
const WRITERS = new Set(['lib/audit.ts', 'lib/audited.ts']);

/** Every non-test TypeScript file under the source folders. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/**
 * A template action (`cancellation.${input.decision}`) cannot be read from the source: what it
 * expands to is written here, checked against the code once, and a new template fails the test
 * until it is added.
 */
const TEMPLATES: Record<string, string[]> = {
  'cancellation.${input.decision}': ['cancellation.approve', 'cancellation.reject'],
};

/**
 * The actions written to the audit trail: in each call of `audit(` or `writeAudit(`, the
 * expression after `action:` (up to the end of its line), and every string literal in it — so a
 * ternary (`before ? 'attendance.change' : 'attendance.mark'`) gives both.
 */
function actionsInSource() {
  const found = new Map<string, string>();
  const unknownTemplates: string[] = [];
  const opaque: string[] = [];
  for (const file of SOURCE_DIRS.flatMap((d) => (fs.existsSync(path.join(root, d)) ? sourceFiles(path.join(root, d)) : []))) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(root, file);
    if (WRITERS.has(rel)) continue;
    for (const call of text.matchAll(/\b(?:audit|writeAudit)\(/g)) {
      // The entry object closes within a few lines; the actor object before it never says `action:`.
      const window = text.slice(call.index, call.index + 600);
      const m = /\baction:\s*([^\n]*)/.exec(window);
      if (!m) continue;
      const expr = m[1].split(/,\s*(?:entityType|entityId|before|after|schoolId)\b/)[0];
      // Only literals shaped like an action: a comparison in a ternary (`purpose === 'invite'`) is not one.
      const literals = [...expr.matchAll(/'([^']+)'|"([^"]+)"|`([^`]+)`/g)]
        .map((x) => ({ value: x[1] ?? x[2] ?? x[3], template: x[3] !== undefined }))
        .filter((lit) => /^[a-z_]+\.[A-Za-z_${}.]+$/.test(lit.value));
      if (literals.length === 0) opaque.push(`${rel}: ${expr.trim()}`);
      for (const lit of literals) {
        if (lit.template && lit.value.includes('${')) {
          if (TEMPLATES[lit.value]) for (const a of TEMPLATES[lit.value]) found.set(a, rel);
          else unknownTemplates.push(`${rel}: \`${lit.value}\``);
        } else found.set(lit.value, rel);
      }
    }
  }
  return { found, unknownTemplates, opaque };
}

function phraseOf(catalog: { actions: Record<string, Record<string, string>> }, action: string) {
  const dot = action.indexOf('.');
  return catalog.actions[action.slice(0, dot)]?.[action.slice(dot + 1)];
}

describe('audit action words', () => {
  const { found, unknownTemplates, opaque } = actionsInSource();

  it('finds the audit writes in the source (the scan itself works)', () => {
    expect(found.size).toBeGreaterThan(60);
    for (const a of ['student.update', 'lesson.move', 'message.post', 'auth.sign_in', 'attendance.mark', 'attendance.change', 'cancellation.approve']) {
      expect(found.has(a), a).toBe(true);
    }
  });

  it('reads every audit write: no action built in a way the scan cannot follow', () => {
    expect(unknownTemplates).toEqual([]);
    expect(opaque).toEqual([]);
  });

  it('has a phrase in Polish and in English for every action the code writes', () => {
    const missing = [...found.entries()]
      .filter(([action]) => !phraseOf(pl, action) || !phraseOf(en, action))
      .map(([action, file]) => `${action} (${file})`);
    expect(missing).toEqual([]);
  });

  it('lists no action the code no longer writes', () => {
    expect(AUDIT_ACTIONS.filter((a) => !found.has(a))).toEqual([]);
  });

  it('names every group, and expands a group filter to its actions', () => {
    for (const g of AUDIT_GROUPS) {
      expect(pl.groups[g as keyof typeof pl.groups], g).toBeTruthy();
      expect(en.groups[g as keyof typeof en.groups], g).toBeTruthy();
    }
    expect(actionsOf('lesson.*')).toEqual(expect.arrayContaining(['lesson.move', 'lesson.update', 'lesson.create']));
    expect(actionsOf('lesson.*')).not.toContain('lesson_notes.create');
    expect(actionsOf('lesson.move')).toEqual(['lesson.move']);
    expect(actionsOf('nope.*')).toBeNull();
    expect(actionsOf("lesson.move' or 1=1")).toBeNull();
  });
});
