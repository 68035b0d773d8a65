import { shipped } from './shipped-library.js';

/** GAD-2, from library/gad-2.json (the file is the definition; this name is kept for the code and tests that use it). */
export const GAD_2 = shipped('GAD-2');
