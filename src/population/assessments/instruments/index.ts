import { CBI } from './cbi.js';
import { GAD_2 } from './gad-2.js';
import { GAD_7 } from './gad-7.js';
import type { InstrumentDefinition } from './instrument.types.js';
import { K10 } from './k10.js';
import { K6 } from './k6.js';
import { PCL_5 } from './pcl-5.js';
import { PHQ_2 } from './phq-2.js';
import { PHQ_9 } from './phq-9.js';
import { PSS_10 } from './pss-10.js';
import { WHO_5 } from './who-5.js';

/**
 * The shipped library, in display order. Deliberately absent: SCL-90(-R) (copyrighted, must be purchased) and an
 * electronic C-SSRS (electronic implementations are licensed exclusively).
 */
export const INSTRUMENTS: readonly InstrumentDefinition[] = [PHQ_9, PHQ_2, GAD_7, GAD_2, WHO_5, K10, K6, PSS_10, CBI, PCL_5];

export const INSTRUMENT_CODES = INSTRUMENTS.map((i) => i.code);
