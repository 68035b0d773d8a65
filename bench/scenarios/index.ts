import type { Scenario } from '../lib/context.js';
import { assessmentsScenario } from './assessments-scenario.js';
import { counsellingScenario } from './counselling-scenario.js';
import { eapScenario } from './eap-scenario.js';
import { peopleScenario } from './people.js';

/** Every issue adds its scenario here. */
export const SCENARIOS: Scenario[] = [peopleScenario, assessmentsScenario, counsellingScenario, eapScenario];
