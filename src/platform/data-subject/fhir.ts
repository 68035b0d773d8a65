/**
 * The slice of FHIR R4 (https://hl7.org/fhir/R4/) the data-subject export writes: a collection Bundle with Patient,
 * QuestionnaireResponse, Observation, ServiceRequest, Task and Consent. Loose types: each contributor builds its own
 * resources, and a test validates the whole Bundle against the official R4 JSON schema.
 */
export interface FhirResource {
  resourceType: string;
  id: string;
  [field: string]: unknown;
}

export interface FhirBundle {
  resourceType: 'Bundle';
  id: string;
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}

/** A reference to a resource in the same Bundle (entries are addressed as urn:uuid:<id>). */
export const fhirRef = (id: string, display?: string) => ({ reference: `urn:uuid:${id}`, ...(display ? { display } : {}) });

/** FHIR instant / dateTime: ISO 8601 with a zone. */
export const fhirInstant = (date: Date) => date.toISOString();

/** Our code systems (stable URIs under the project's namespace). */
export const XINGANG_SYSTEM = 'https://xingang.example.cn/fhir';
