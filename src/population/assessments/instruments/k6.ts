import { shipped } from './shipped-library.js';

/** K6, from library/k6.json (the file is the definition; this name is kept for the code and tests that use it). */
export const K6 = shipped('K6');
