import { shipped } from './shipped-library.js';

/** PHQ-9, from library/phq-9.json (the file is the definition; this name is kept for the code and tests that use it). */
export const PHQ_9 = shipped('PHQ-9');
