import type { InstrumentDefinition } from './instrument.types.js';
import { SHIPPED_INSTRUMENTS } from './shipped-library.js';

/**
 * The shipped library (./library/*.json), in display order. Deliberately absent: SCL-90(-R) (copyrighted, must be
 * purchased) and an electronic C-SSRS (electronic implementations are licensed exclusively); an admin may load a
 * licensed instrument only with the union's licence recorded (see instrument-licence.ts).
 */
export const INSTRUMENTS: readonly InstrumentDefinition[] = SHIPPED_INSTRUMENTS;

export const INSTRUMENT_CODES = INSTRUMENTS.map((i) => i.code);
