import { shipped } from './shipped-library.js';

/** WHO-5, from library/who-5.json (the file is the definition; this name is kept for the code and tests that use it). */
export const WHO_5 = shipped('WHO-5');
