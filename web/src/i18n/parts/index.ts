import * as cases from './cases';
import * as desk from './desk';
import * as deskAdmin from './deskAdmin';
import * as eap from './eap';
import * as eapAdmin from './eapAdmin';
import * as face from './face';
import * as jobs from './jobs';
import * as mine from './mine';
import * as line from './line';
import * as lineAdmin from './lineAdmin';
import * as mobile from './mobile';
import * as online from './online';
import * as people from './people';
import * as point from './point';
import * as pointEdits from './pointEdits';
import * as rights from './rights';
import * as workbench from './workbench';

/** Strings of the areas added after the first build, one file per area (both languages side by side). */
export const parts = {
  zh: { ...cases.zh, ...desk.zh, ...deskAdmin.zh, ...eap.zh, ...eapAdmin.zh, ...jobs.zh, ...mine.zh, ...mobile.zh, ...online.zh, ...rights.zh, ...people.zh, ...point.zh, ...pointEdits.zh, ...line.zh, ...workbench.zh, ...face.zh, ...lineAdmin.zh },
  en: { ...cases.en, ...desk.en, ...deskAdmin.en, ...eap.en, ...eapAdmin.en, ...jobs.en, ...mine.en, ...mobile.en, ...online.en, ...rights.en, ...people.en, ...point.en, ...pointEdits.en, ...line.en, ...workbench.en, ...face.en, ...lineAdmin.en },
};
