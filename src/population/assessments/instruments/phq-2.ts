import { shipped } from './shipped-library.js';

/** PHQ-2, from library/phq-2.json (the file is the definition; this name is kept for the code and tests that use it). */
export const PHQ_2 = shipped('PHQ-2');
