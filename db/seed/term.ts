import type { Faker } from '@faker-js/faker';
import { and, eq } from 'drizzle-orm';
import { creditExpiry } from '@/lib/cancellations/rules';
import { holidaysBetween, nextWeekday, seriesDates } from '@/lib/series/rules';
import { addCalendarDays, instantToZoned, todayIn, zonedToInstant } from '@/lib/time';
import type { Queryable } from '../client';
import {
  cancellationRequests,
  lessonAttendance,
  lessonNotes,
  lessons,
  lessonSeries,
  lessonStudents,
  makeupCredits,
  parents,
  parentStudents,
  rooms,
  schoolClosures,
  schools,
  seriesStudents,
  students,
  studentSubjects,
  subjects,
  tutorAvailability,
  tutors,
  tutorTimeOff,
  users,
  type AttendanceStatus,
  type NewLesson,
} from '../schema';
import { demoClosures, type DemoClosure } from './closures';

/**
 * A school's autumn term, as the demo shows it: every active student's subjects taught weekly by
 * their tutor from mid-September to the end of January, planned as series (some small groups,
 * some online), holidays and the school's breaks left out. Lessons that ended before `now` are
 * completed with attendance and most with a topic and homework; a few were cancelled on request
 * (in time, earning a makeup credit — some used, some open, some expired — or late); a few
 * future lessons have a pending request.
 *
 * Weekday lessons start at 14:00 or later (after school) and Saturday ones in the morning, so
 * weekday mornings stay free: the end-to-end journeys plan their own lessons there.
 *
 * Everything is computed in memory (the tutors', rooms' and students' weeks are tracked, so no
 * constraint is ever violated) and written in a few bulk inserts: the embedded database seeds
 * in seconds.
 */
export async function seedTerm(db: Queryable, f: Faker, schoolId: string, now: Date) {
  const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
  const zone = school.timeZone;
  const today = todayIn(zone, now);
  const term = termDates(today);

  const [tutorRows, subjectRows, roomRows, enrolments, [admin], familyRows] = await Promise.all([
    db.select({ id: tutors.id, userId: tutors.userId }).from(tutors).where(eq(tutors.schoolId, schoolId)).orderBy(tutors.email),
    db.select().from(subjects).where(eq(subjects.schoolId, schoolId)).orderBy(subjects.name),
    db.select().from(rooms).where(and(eq(rooms.schoolId, schoolId), eq(rooms.isActive, true))).orderBy(rooms.name),
    db
      .select({ studentId: studentSubjects.studentId, subjectId: studentSubjects.subjectId, tutorId: studentSubjects.tutorId, level: students.level, userId: students.userId })
      .from(studentSubjects)
      .innerJoin(students, eq(students.id, studentSubjects.studentId))
      .innerJoin(subjects, eq(subjects.id, studentSubjects.subjectId))
      .where(and(eq(studentSubjects.schoolId, schoolId), eq(students.status, 'active')))
      .orderBy(studentSubjects.studentId, subjects.name),
    db.select({ id: users.id }).from(users).where(and(eq(users.schoolId, schoolId), eq(users.role, 'admin'))).limit(1),
    db
      .select({ studentId: parentStudents.studentId, userId: parents.userId })
      .from(parentStudents)
      .innerJoin(parents, eq(parents.id, parentStudents.parentId))
      .where(and(eq(parentStudents.schoolId, schoolId), eq(parentStudents.access, 'full'))),
  ]);
  const subjectById = new Map(subjectRows.map((s) => [s.id, s]));
  const tutorUser = new Map(tutorRows.map((t) => [t.id, t.userId]));
  const parentUserOf = new Map(familyRows.filter((r) => r.userId).map((r) => [r.studentId, r.userId!]));

  // The school's breaks of the year, and its tutors' working weeks.
  const closures = closuresFor(school.voivodeship, term.firstDate);
  if (closures.length) await db.insert(schoolClosures).values(closures.map((c) => ({ schoolId, ...c, createdBy: admin?.id ?? null })));
  const saturdayTutors = new Set(tutorRows.filter((_, i) => i % 3 === 2).map((t) => t.id));
  // One tutor takes a week off in January: their lessons that week are not planned.
  const away = tutorRows[4 % tutorRows.length];
  const timeOff = { firstDay: nextWeekday(`${term.year + 1}-01-11`, 1), lastDay: addCalendarDays(nextWeekday(`${term.year + 1}-01-11`, 1), 4) };
  if (tutorRows.length > 1) await db.insert(tutorTimeOff).values({ schoolId, tutorId: away.id, ...timeOff, reason: 'Urlop' });

  // Who learns together: a share of children of the same tutor, subject and level in pairs or threes.
  const units = groupUnits(f, enrolments.filter((e) => e.tutorId !== null) as Enrolment[]);
  const week = new WeekPlanner(roomRows.map((r) => ({ id: r.id, capacity: r.capacity })), saturdayTutors);
  const placed: Placed[] = [];
  // Groups first (more people to fit), then the rest, each in a shuffled order.
  for (const unit of [...f.helpers.shuffle(units.filter((u) => u.students.length > 1)), ...f.helpers.shuffle(units.filter((u) => u.students.length === 1))]) {
    const minutes = subjectById.get(unit.subjectId)!.defaultDurationMin;
    // A tutor whose weekday afternoons are full takes Saturday mornings too, then later evenings.
    const slot = week.place(f, unit, minutes) ?? (saturdayTutors.add(unit.tutorId), week.place(f, unit, minutes)) ?? week.place(f, unit, minutes, true);
    if (slot) placed.push({ ...unit, ...slot, minutes });
  }
  await db.insert(tutorAvailability).values(
    tutorRows.flatMap((t) => [
      ...[1, 2, 3, 4, 5].map((weekday) => ({ schoolId, tutorId: t.id, weekday, startTime: '08:00', endTime: '21:00' })),
      ...(saturdayTutors.has(t.id) ? [{ schoolId, tutorId: t.id, weekday: 6, startTime: '09:00', endTime: '14:00' }] : []),
    ]),
  );

  // Dates of the term: public holidays and breaks skipped; the tutor's time off too.
  const holidays = holidaysBetween(term.firstDate, term.lastDate);
  const seriesRows: (typeof lessonSeries.$inferInsert)[] = [];
  const seriesStudentRows: (typeof seriesStudents.$inferInsert)[] = [];
  const lessonRows: (NewLesson & { id: string })[] = [];
  const lessonStudentRows: (typeof lessonStudents.$inferInsert)[] = [];
  const planned: { lesson: NewLesson & { id: string }; unit: Placed }[] = [];
  for (const unit of placed) {
    const seriesId = f.string.uuid();
    const meetingUrl = unit.roomId ? null : meetLink(f);
    const kind: 'group' | 'individual' = unit.students.length > 1 ? 'group' : 'individual';
    const capacity = kind === 'group' ? Math.max(unit.students.length, 3) : 1;
    const firstDate = nextWeekday(term.firstDate, unit.weekday);
    seriesRows.push({ id: seriesId, schoolId, tutorId: unit.tutorId, subjectId: unit.subjectId, roomId: unit.roomId, meetingUrl, kind, capacity, weekdays: [unit.weekday], startTime: unit.startTime, durationMinutes: unit.minutes, firstDate, lastDate: term.lastDate, createdBy: admin?.id ?? null, createdAt: zonedToInstant(addCalendarDays(term.firstDate, -7), '10:00', zone) });
    for (const s of unit.students) seriesStudentRows.push({ schoolId, seriesId, studentId: s.studentId });
    const { dates } = seriesDates({ firstDate, lastDate: term.lastDate, weekdays: [unit.weekday], holidays, closures });
    for (const date of dates) {
      if (unit.tutorId === away.id && date >= timeOff.firstDay && date <= timeOff.lastDay) continue;
      const start = zonedToInstant(date, unit.startTime, zone);
      const end = new Date(start.getTime() + unit.minutes * 60_000);
      const lesson = { id: f.string.uuid(), schoolId, seriesId, tutorId: unit.tutorId, subjectId: unit.subjectId, roomId: unit.roomId, meetingUrl, kind, capacity, during: { start, end }, status: end <= now ? ('completed' as const) : ('scheduled' as const) };
      lessonRows.push(lesson);
      planned.push({ lesson, unit });
      for (const s of unit.students) lessonStudentRows.push({ schoolId, lessonId: lesson.id, studentId: s.studentId });
    }
  }

  const closed = (date: string) => holidays.has(date) || closures.some((c) => c.firstDay <= date && date <= c.lastDay);
  // Cancellations: a few of the past individual lessons (in time → a credit; some late), and pending requests ahead.
  const requestRows: (typeof cancellationRequests.$inferInsert)[] = [];
  const creditRows: (typeof makeupCredits.$inferInsert)[] = [];
  const makeups: { lesson: NewLesson & { id: string }; studentId: string }[] = [];
  const individual = planned.filter((p) => p.unit.students.length === 1);
  const requester = (studentId: string, studentUser: string | null) => parentUserOf.get(studentId) ?? studentUser;
  for (const p of individual) {
    const { lesson, unit } = p;
    const student = unit.students[0];
    const by = requester(student.studentId, student.userId);
    if (!by) continue;
    const start = lesson.during.start;
    const roll = f.number.float();
    if (lesson.status === 'completed' && roll < 0.035) {
      const late = f.number.float() < 0.25;
      const askedAt = new Date(start.getTime() - (late ? f.number.int({ min: 2, max: 12 }) : f.number.int({ min: 30, max: 96 })) * 3_600_000);
      const decidedAt = new Date(askedAt.getTime() + f.number.int({ min: 1, max: 8 }) * 3_600_000);
      const requestId = f.string.uuid();
      lesson.status = 'cancelled';
      lesson.cancelledAt = decidedAt;
      lesson.cancelReason = f.helpers.arrayElement(REASONS);
      requestRows.push({ id: requestId, schoolId, lessonId: lesson.id, studentId: student.studentId, requestedBy: by, reason: lesson.cancelReason, status: 'approved', late, decidedBy: admin?.id ?? null, decidedAt, createdAt: askedAt, updatedAt: decidedAt });
      if (late) continue;
      const credit = { id: f.string.uuid(), schoolId, studentId: student.studentId, sourceLessonId: lesson.id, requestId, expiresAt: creditExpiry(decidedAt, school.makeupCreditDays, zone), createdAt: decidedAt };
      // An old credit was either used for a makeup lesson a week or two later, or let expire.
      if (credit.expiresAt <= now) {
        const makeup = f.number.float() < 0.6 ? week.placeOnce(f, unit, lesson.during.start, zone, now, closed) : null;
        if (makeup) {
          const row = { id: f.string.uuid(), schoolId, tutorId: unit.tutorId, subjectId: unit.subjectId, roomId: null, meetingUrl: meetLink(f), kind: 'individual' as const, capacity: 1, during: makeup, status: makeup.end <= now ? ('completed' as const) : ('scheduled' as const) };
          makeups.push({ lesson: row, studentId: student.studentId });
          creditRows.push({ ...credit, status: 'used', usedByLessonId: row.id, usedAt: new Date(decidedAt.getTime() + 86_400_000) });
        } else {
          creditRows.push({ ...credit, status: 'expired', expiredAt: credit.expiresAt });
        }
      } else {
        creditRows.push(credit);
      }
    } else if (lesson.status === 'scheduled' && start.getTime() - now.getTime() > 2 * 86_400_000 && start.getTime() - now.getTime() < 14 * 86_400_000 && roll < 0.03) {
      requestRows.push({ id: f.string.uuid(), schoolId, lessonId: lesson.id, studentId: student.studentId, requestedBy: by, reason: f.helpers.arrayElement(REASONS), status: 'pending', late: false, createdAt: new Date(now.getTime() - f.number.int({ min: 1, max: 30 }) * 3_600_000) });
    }
  }
  for (const m of makeups) {
    lessonRows.push(m.lesson);
    lessonStudentRows.push({ schoolId, lessonId: m.lesson.id, studentId: m.studentId });
  }

  // What past lessons covered, and who came.
  const attendanceRows: (typeof lessonAttendance.$inferInsert)[] = [];
  const noteRows: (typeof lessonNotes.$inferInsert)[] = [];
  const studentsOf = new Map<string, string[]>();
  for (const r of lessonStudentRows) studentsOf.set(r.lessonId, [...(studentsOf.get(r.lessonId) ?? []), r.studentId]);
  const topicIndex = new Map<string, number>();
  for (const lesson of lessonRows) {
    if (lesson.status !== 'completed') continue;
    const markedBy = tutorUser.get(lesson.tutorId) ?? admin?.id ?? null;
    const markedAt = new Date(lesson.during.end.getTime() - 5 * 60_000);
    for (const studentId of studentsOf.get(lesson.id) ?? []) {
      attendanceRows.push({ schoolId, lessonId: lesson.id, studentId, status: attendanceStatus(f), markedBy, markedAt });
    }
    if (f.number.float() < 0.75) {
      const subject = subjectById.get(lesson.subjectId)!.name;
      const list = TOPICS[subject] ?? TOPICS.default;
      const key = lesson.seriesId ?? lesson.id;
      const i = topicIndex.get(key) ?? f.number.int({ min: 0, max: list.length - 1 });
      topicIndex.set(key, i + 1);
      noteRows.push({
        schoolId,
        lessonId: lesson.id,
        topic: list[i % list.length],
        homework: f.number.float() < 0.6 ? f.helpers.arrayElement(HOMEWORK) : null,
        note: f.number.float() < 0.2 ? f.helpers.arrayElement(NOTES) : null,
        updatedBy: markedBy,
        createdAt: markedAt,
        updatedAt: markedAt,
      });
    }
  }

  for (const chunk of chunks(seriesRows, 500)) await db.insert(lessonSeries).values(chunk);
  for (const chunk of chunks(seriesStudentRows, 1000)) await db.insert(seriesStudents).values(chunk);
  for (const chunk of chunks(lessonRows, 1000)) await db.insert(lessons).values(chunk);
  for (const chunk of chunks(lessonStudentRows, 1000)) await db.insert(lessonStudents).values(chunk);
  for (const chunk of chunks(attendanceRows, 1000)) await db.insert(lessonAttendance).values(chunk);
  for (const chunk of chunks(noteRows, 1000)) await db.insert(lessonNotes).values(chunk);
  for (const chunk of chunks(requestRows, 500)) await db.insert(cancellationRequests).values(chunk);
  for (const chunk of chunks(creditRows, 500)) await db.insert(makeupCredits).values(chunk);
  return { series: seriesRows.length, lessons: lessonRows.length, unplaced: units.length - placed.length, requests: requestRows.length, credits: creditRows.length };
}

/**
 * The autumn term of the school year `today` falls in: from the Monday on or after 14 September
 * (tutoring starts once the school timetable settles) to 31 January (the semester's end).
 */
export function termDates(today: string) {
  const year = today.slice(5) >= '07-01' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  return { year, firstDate: nextWeekday(`${year}-09-14`, 1), lastDate: `${year + 1}-01-31` };
}

/** The demo's closures for the school year starting in `firstDate`'s year (only 2026/2027 is written down). */
function closuresFor(voivodeship: string, firstDate: string): DemoClosure[] {
  if (!firstDate.startsWith('2026-')) return [];
  const key = voivodeship === 'małopolskie' ? 'malopolskie' : voivodeship === 'mazowieckie' ? 'mazowieckie' : null;
  return key ? demoClosures[key] : [];
}

type Enrolment = { studentId: string; subjectId: string; tutorId: string; level: string; userId: string | null };
type Unit = { tutorId: string; subjectId: string; level: string; students: Enrolment[] };
type Placed = Unit & { weekday: number; startTime: string; minutes: number; roomId: string | null };

/** About one child in three learns in a pair or a three with the same tutor, subject and level; adults alone. */
function groupUnits(f: Faker, enrolments: Enrolment[]): Unit[] {
  const buckets = new Map<string, Enrolment[]>();
  for (const e of enrolments) {
    const key = `${e.tutorId}|${e.subjectId}|${e.level}`;
    buckets.set(key, [...(buckets.get(key) ?? []), e]);
  }
  const units: Unit[] = [];
  for (const list of buckets.values()) {
    const queue = f.helpers.shuffle(list);
    while (queue.length) {
      const first = queue[0];
      const size = first.level !== 'adult' && queue.length >= 2 && f.number.float() < 0.2 ? Math.min(queue.length, f.number.int({ min: 2, max: 3 })) : 1;
      const members = queue.splice(0, size);
      units.push({ tutorId: first.tutorId, subjectId: first.subjectId, level: first.level, students: members });
    }
  }
  return units;
}

type Span = [number, number];
const overlaps = (list: Span[] | undefined, s: Span) => !!list?.some(([a, b]) => a < s[1] && s[0] < b);

/**
 * The school's typical week, filled lesson by lesson: tutors, rooms and students each hold a
 * list of busy minutes per weekday. Children come after school (weekdays from 14:00, ending by
 * 20:30) or on Saturday mornings with tutors who work then; adults in the evening from 17:00.
 */
class WeekPlanner {
  private busy = new Map<string, Span[]>();
  constructor(
    private rooms: { id: string; capacity: number }[],
    private saturdayTutors: Set<string>,
  ) {}

  private free(ids: string[], weekday: number, span: Span) {
    return ids.every((id) => !overlaps(this.busy.get(`${id}|${weekday}`), span));
  }
  private take(ids: string[], weekday: number, span: Span) {
    for (const id of ids) {
      const key = `${id}|${weekday}`;
      this.busy.set(key, [...(this.busy.get(key) ?? []), span]);
    }
  }

  /** A weekly slot for `unit`; `late` lets it run until 21:00 and adults start from 14:00 (when nothing else fits). */
  place(f: Faker, unit: Unit, minutes: number, late = false): { weekday: number; startTime: string; roomId: string | null } | null {
    const adult = unit.level === 'adult';
    const candidates: { weekday: number; start: number }[] = [];
    const [from, until] = late ? [14 * 60, 21 * 60] : adult ? [17 * 60, 21 * 60] : [14 * 60, 20 * 60 + 30];
    for (let weekday = 1; weekday <= 5; weekday++) {
      for (let start = from; start + minutes <= until; start += 30) candidates.push({ weekday, start });
    }
    if (this.saturdayTutors.has(unit.tutorId)) for (let start = 9 * 60; start + minutes <= 14 * 60; start += 30) candidates.push({ weekday: 6, start });
    const people = [unit.tutorId, ...unit.students.map((s) => s.studentId)];
    for (const c of f.helpers.shuffle(candidates)) {
      const span: Span = [c.start, c.start + minutes];
      if (!this.free(people, c.weekday, span)) continue;
      // Most children come to the school; adults mostly learn online.
      const online = f.number.float() < (adult ? 0.7 : 0.25);
      const room = online ? undefined : this.rooms.find((r) => r.capacity >= unit.students.length && this.free([r.id], c.weekday, span));
      this.take([...people, ...(room ? [room.id] : [])], c.weekday, span);
      return { weekday: c.weekday, startTime: hhmm(c.start), roomId: room?.id ?? null };
    }
    return null;
  }

  /**
   * A one-off online makeup lesson for an individual unit, one or two weeks after `after`, at a
   * time its tutor and student are free in the weekly plan (the weekly plan holds every series).
   */
  placeOnce(f: Faker, unit: Placed, after: Date, zone: string, now: Date, closed: (date: string) => boolean): { start: Date; end: Date } | null {
    const from = instantToZoned(after, zone).date;
    const people = [unit.tutorId, unit.students[0].studentId];
    for (const offset of f.helpers.shuffle([8, 9, 10, 11, 12, 15, 16, 17])) {
      const date = addCalendarDays(from, offset);
      const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
      if (weekday > 5 || closed(date)) continue;
      for (let start = 14 * 60; start + unit.minutes <= 20 * 60 + 30; start += 30) {
        const span: Span = [start, start + unit.minutes];
        const key = `makeup|${date}`;
        if (!this.free(people, weekday, span) || overlaps(this.busy.get(`${unit.tutorId}|${key}`), span) || overlaps(this.busy.get(`${people[1]}|${key}`), span)) continue;
        this.busy.set(`${unit.tutorId}|${key}`, [...(this.busy.get(`${unit.tutorId}|${key}`) ?? []), span]);
        this.busy.set(`${people[1]}|${key}`, [...(this.busy.get(`${people[1]}|${key}`) ?? []), span]);
        const begin = zonedToInstant(date, hhmm(start), zone);
        if (begin > now) return null;
        return { start: begin, end: new Date(begin.getTime() + unit.minutes * 60_000) };
      }
    }
    return null;
  }
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function meetLink(f: Faker) {
  const part = (n: number) => f.string.alpha({ length: n, casing: 'lower' });
  return `https://meet.google.com/${part(3)}-${part(4)}-${part(3)}`;
}

function attendanceStatus(f: Faker): AttendanceStatus {
  const roll = f.number.float();
  return roll < 0.86 ? 'present' : roll < 0.92 ? 'late' : roll < 0.96 ? 'excused' : 'absent';
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const REASONS = ['Choroba', 'Wyjazd rodzinny', 'Zawody sportowe', 'Wizyta u lekarza', 'Sprawdzian w szkole następnego dnia', 'Wycieczka szkolna'];

const HOMEWORK = [
  'Zadania 1–6 ze strony 42.',
  'Dokończyć kartę pracy z lekcji.',
  'Powtórzyć słówka z rozdziału 3.',
  'Przygotować krótką wypowiedź na następne zajęcia.',
  'Rozwiązać arkusz próbny (część 1).',
  'Przeczytać notatki i zapisać pytania.',
];

const NOTES = [
  'Dużo lepiej niż tydzień temu, widać systematyczną pracę.',
  'Warto powtórzyć podstawy przed sprawdzianem.',
  'Pracuje chętnie, szybko łapie nowe zagadnienia.',
  'Zapomniał(a) zeszytu — proszę przypomnieć.',
  'Trudności z zadaniami tekstowymi, wrócimy do nich.',
];

const TOPICS: Record<string, string[]> = {
  Matematyka: ['Ułamki zwykłe i dziesiętne', 'Równania liniowe', 'Układy równań', 'Funkcja liniowa', 'Funkcja kwadratowa', 'Procenty w zadaniach tekstowych', 'Twierdzenie Pitagorasa', 'Ciągi arytmetyczne', 'Trygonometria w trójkącie prostokątnym', 'Pola figur płaskich', 'Potęgi i pierwiastki', 'Prawdopodobieństwo'],
  'Język polski': ['Interpretacja wiersza', 'Rozprawka — teza i argumenty', 'Lalka — bohaterowie', 'Środki stylistyczne', 'Części mowy i zdania', 'Pan Tadeusz — księga I', 'Charakterystyka postaci', 'Interpunkcja w zdaniu złożonym'],
  'Język angielski': ['Present Perfect vs Past Simple', 'Conditionals 0–3', 'Phrasal verbs: get, take', 'Writing: formal e-mail', 'Listening practice: matura', 'Passive voice', 'Reported speech', 'Vocabulary: travel and holidays'],
  'Język niemiecki': ['Perfekt — czasowniki regularne', 'Odmiana przymiotnika', 'Zdania podrzędne z weil i dass', 'Słownictwo: w szkole', 'Präteritum czasowników modalnych', 'Opis obrazka', 'Przyimki z celownikiem'],
  Fizyka: ['Ruch jednostajnie przyspieszony', 'Zasady dynamiki Newtona', 'Praca, moc, energia', 'Prąd elektryczny — prawo Ohma', 'Optyka geometryczna', 'Ruch drgający', 'Termodynamika — I zasada'],
  Chemia: ['Układ okresowy', 'Wiązania chemiczne', 'Reakcje utleniania i redukcji', 'Stężenie procentowe', 'Kwasy i zasady', 'Węglowodory nasycone', 'Mol i masa molowa'],
  Biologia: ['Budowa komórki', 'Genetyka — krzyżówki', 'Układ krążenia', 'Fotosynteza', 'Ekologia — łańcuchy pokarmowe', 'Układ nerwowy', 'Ewolucja'],
  Historia: ['Starożytna Grecja', 'Chrzest Polski', 'Rzeczpospolita Obojga Narodów', 'Rozbiory Polski', 'I wojna światowa', 'II Rzeczpospolita', 'PRL — przełomy'],
  Geografia: ['Mapa i skala', 'Klimat Polski', 'Ruchy Ziemi', 'Ludność świata', 'Rzeźba terenu', 'Gospodarka Polski'],
  Informatyka: ['Algorytmy sortowania', 'Python — pętle i funkcje', 'Arkusz kalkulacyjny', 'Rekurencja', 'Bazy danych — SQL', 'Systemy liczbowe'],
  default: ['Powtórzenie materiału', 'Nowy dział — wprowadzenie', 'Zadania egzaminacyjne'],
};
