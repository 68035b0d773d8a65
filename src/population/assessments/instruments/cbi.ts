import { shipped } from './shipped-library.js';

/** CBI, from library/cbi.json (the file is the definition; this name is kept for the code and tests that use it). */
export const CBI = shipped('CBI');
