import type { Scenario } from '../lib/context.js';
import { assessmentsScenario } from './assessments-scenario.js';
import { counsellingScenario } from './counselling-scenario.js';
import { individualScenario } from './individual.js';
import { insightsScenario } from './insights.js';
import { liveArrivalScenario } from './live-arrival.js';
import { eapScenario } from './eap-scenario.js';
import { peopleScenario } from './people.js';
import { provinceScenario } from './province.js';
import { subgroupsScenario } from './subgroups.js';
import { serviceDeskScenario } from './service-desk.js';

/** Every issue adds its scenario here. */
export const SCENARIOS: Scenario[] = [peopleScenario, assessmentsScenario, counsellingScenario, individualScenario, subgroupsScenario, serviceDeskScenario, eapScenario, insightsScenario, provinceScenario, liveArrivalScenario];
