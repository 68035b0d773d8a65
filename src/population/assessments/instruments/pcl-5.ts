import { shipped } from './shipped-library.js';

/** PCL-5, from library/pcl-5.json (the file is the definition; this name is kept for the code and tests that use it). */
export const PCL_5 = shipped('PCL-5');
