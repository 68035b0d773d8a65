import { shipped } from './shipped-library.js';

/** K10, from library/k10.json (the file is the definition; this name is kept for the code and tests that use it). */
export const K10 = shipped('K10');
