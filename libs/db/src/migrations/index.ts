import { Foundation1764000000000 } from './1764000000000-foundation';

/** Every migration, in order. The bundle imports them explicitly (no file globs at run time). */
export const MIGRATIONS = [Foundation1764000000000];
