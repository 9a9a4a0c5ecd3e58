/** Levels a student learns at; shared by the database enum and the forms. */
export const STUDENT_LEVELS = ['primary', 'secondary', 'matura', 'adult'] as const;
export type StudentLevel = (typeof STUDENT_LEVELS)[number];
