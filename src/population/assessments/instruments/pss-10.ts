import { shipped } from './shipped-library.js';

/** PSS-10, from library/pss-10.json (the file is the definition; this name is kept for the code and tests that use it). */
export const PSS_10 = shipped('PSS-10');
