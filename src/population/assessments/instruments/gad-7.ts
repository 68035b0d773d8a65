import { shipped } from './shipped-library.js';

/** GAD-7, from library/gad-7.json (the file is the definition; this name is kept for the code and tests that use it). */
export const GAD_7 = shipped('GAD-7');
