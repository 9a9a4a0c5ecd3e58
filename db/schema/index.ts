export * from './schools';
export * from './accounts';
export * from './students';
export * from './tutors';
export * from './parents';
export * from './subjects';
export * from './email';
export * from './audit';
