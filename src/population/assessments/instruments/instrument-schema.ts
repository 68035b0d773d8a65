/**
 * The JSON Schema of an instrument file (draft 2020-12). Published as docs/instrument.schema.json (a unit test keeps
 * the two identical); checked with Ajv whenever a file is loaded, before the checks of meaning in
 * validate-instrument.ts (bands tiling the scale, rules that can fire, examples that score as stated).
 */
const text = {
  type: 'object',
  description: 'Text in Simplified Chinese (zh) first, then English (en).',
  required: ['zh', 'en'],
  additionalProperties: false,
  properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
};

const option = {
  type: 'object',
  required: ['value', 'label'],
  additionalProperties: false,
  properties: { value: { type: 'number' }, label: { $ref: '#/$defs/text' } },
};

const band = {
  type: 'object',
  description: 'A band covers [min, max], both inclusive, at the scale precision; bands tile the whole scale.',
  required: ['code', 'min', 'max', 'label', 'plain', 'source', 'validated'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,29}$' },
    min: { type: 'number' },
    max: { type: 'number' },
    label: { $ref: '#/$defs/text', description: 'The clinical label, for staff.' },
    plain: { $ref: '#/$defs/text', description: "A kind, plain description for the worker's own view." },
    source: { type: 'string', minLength: 1, description: 'Where the cut-off comes from.' },
    validated: { type: 'boolean', description: 'False for a convention without a validation study.' },
  },
};

const cutoff = {
  type: 'object',
  description: 'The clinical cut-off used by reports and incident re-screening: exactly one of atLeast / atMost.',
  required: ['source'],
  additionalProperties: false,
  properties: { atLeast: { type: 'number' }, atMost: { type: 'number' }, source: { type: 'string', minLength: 1 } },
  oneOf: [{ required: ['atLeast'] }, { required: ['atMost'] }],
};

const level = { enum: ['imminent', 'urgent', 'concern'] };

export const INSTRUMENT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://xingang.example/schemas/instrument.schema.json',
  title: '心港量表文件 / Xingang instrument file',
  type: 'object',
  required: [
    'code',
    'version',
    'languages',
    'name',
    'instructions',
    'options',
    'items',
    'subscales',
    'scoring',
    'bands',
    'crisisRules',
    'reliableChange',
    'licence',
    'citation',
    'translation',
    'examples',
  ],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    code: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{0,19}$', description: 'Stable code, e.g. PHQ-9.' },
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$', description: 'Stored with every result; bump it when items, scoring, bands or texts change.' },
    languages: {
      type: 'array',
      description: 'The languages every text is written in: zh-CN first, then en.',
      prefixItems: [{ const: 'zh-CN' }, { const: 'en' }],
      minItems: 2,
      maxItems: 2,
    },
    name: { $ref: '#/$defs/text' },
    instructions: { $ref: '#/$defs/text' },
    options: { type: 'array', minItems: 2, items: { $ref: '#/$defs/option' }, description: 'Default response options of every item.' },
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 200,
      items: {
        type: 'object',
        required: ['number', 'text'],
        additionalProperties: false,
        properties: {
          number: { type: 'integer', minimum: 1, description: '1-based, in the order of the answers.' },
          text: { $ref: '#/$defs/text' },
          reverse: { type: 'boolean', description: 'Scored as (min + max − answer) of the item options.' },
          options: { type: 'array', minItems: 2, items: { $ref: '#/$defs/option' } },
          weight: { type: 'number', exclusiveMinimum: 0, description: 'Weighted scoring: multiplies the item score (default 1).' },
        },
      },
    },
    subscales: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'name', 'items', 'method'],
        additionalProperties: false,
        properties: {
          code: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,29}$' },
          name: { $ref: '#/$defs/text' },
          items: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1 } },
          method: { enum: ['sum', 'mean'] },
          multiply: { type: 'number', exclusiveMinimum: 0, description: 'Applied after summing (DASS-21: ×2).' },
          bands: { type: 'array', items: { $ref: '#/$defs/band' } },
          cutoff: { $ref: '#/$defs/cutoff' },
        },
      },
    },
    scoring: {
      type: 'object',
      required: ['total', 'precision', 'higherIsBetter'],
      additionalProperties: false,
      properties: {
        total: { enum: ['sum', 'mean', 'none'] },
        transform: {
          type: 'object',
          description: 'Linear transform of the total, stored as the percentage score (WHO-5: × 4).',
          required: ['multiply', 'add'],
          additionalProperties: false,
          properties: { multiply: { type: 'number', exclusiveMinimum: 0 }, add: { type: 'number' } },
        },
        precision: { type: 'integer', minimum: 0, maximum: 4, description: 'Decimal places scores are rounded to before banding.' },
        higherIsBetter: { type: 'boolean' },
        missing: {
          type: 'object',
          description: 'Only where the source allows it: up to maxMissing unanswered (null) items, scores prorated.',
          required: ['maxMissing', 'method', 'source'],
          additionalProperties: false,
          properties: { maxMissing: { type: 'integer', minimum: 1 }, method: { const: 'prorate' }, source: { type: 'string', minLength: 1 } },
        },
        note: { type: 'string' },
      },
    },
    bands: { type: 'array', items: { $ref: '#/$defs/band' }, description: 'Bands of the total; empty without a total.' },
    subscaleBands: { type: 'array', items: { $ref: '#/$defs/band' }, description: 'Bands of every subscale that has none of its own.' },
    cutoff: { $ref: '#/$defs/cutoff' },
    crisisRules: {
      type: 'array',
      items: {
        oneOf: [
          {
            type: 'object',
            description: 'Fires when the answer to item is above `above`; the level may depend on the answer.',
            required: ['kind', 'item', 'above', 'level'],
            additionalProperties: false,
            properties: {
              kind: { const: 'item_above' },
              item: { type: 'integer', minimum: 1 },
              above: { type: 'number' },
              level,
              levelByAnswer: { type: 'object', propertyNames: { pattern: '^-?\\d+(\\.\\d+)?$' }, additionalProperties: level },
            },
          },
          {
            type: 'object',
            description: 'Fires when the total is at least atLeast.',
            required: ['kind', 'atLeast', 'level'],
            additionalProperties: false,
            properties: { kind: { const: 'total_at_least' }, atLeast: { type: 'number' }, level },
          },
        ],
      },
    },
    reliableChange: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['threshold', 'on', 'source'],
          additionalProperties: false,
          properties: { threshold: { type: 'number' }, on: { enum: ['total', 'percent'] }, source: { type: 'string', minLength: 1 } },
        },
      ],
    },
    licence: {
      type: 'object',
      required: ['holder', 'terms', 'electronicDisplay', 'permission'],
      additionalProperties: false,
      properties: {
        holder: { type: 'string', minLength: 1 },
        terms: { type: 'string', minLength: 1 },
        url: { type: 'string' },
        electronicDisplay: { type: 'boolean', description: 'Whether the holder allows showing it on a screen.' },
        permission: { enum: ['public_domain', 'none_required', 'free_non_profit', 'licence_required'] },
        agreement: {
          type: 'object',
          description: "The union's own licence, required to publish a licence_required instrument.",
          required: ['licensee', 'reference'],
          additionalProperties: false,
          properties: {
            licensee: { type: 'string', minLength: 1 },
            reference: { type: 'string', minLength: 1 },
            validUntil: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          },
        },
      },
    },
    citation: { type: 'string', minLength: 1 },
    translation: {
      type: 'object',
      required: ['status', 'source', 'note'],
      additionalProperties: false,
      properties: {
        status: { enum: ['published_validated', 'commonly_used_unverified', 'own_wording'] },
        source: { type: ['string', 'null'] },
        note: { $ref: '#/$defs/text' },
      },
    },
    notes: { $ref: '#/$defs/text' },
    examples: {
      type: 'array',
      minItems: 1,
      description: 'Golden examples, run whenever the file is loaded: a file whose examples do not score as stated is refused.',
      items: {
        type: 'object',
        required: ['name', 'answers', 'expect'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          answers: { type: 'array', items: { type: ['number', 'null'] } },
          expect: {
            type: 'object',
            required: ['total', 'band', 'crisis'],
            additionalProperties: false,
            properties: {
              total: { type: ['number', 'null'] },
              band: { type: ['string', 'null'] },
              transformed: { type: ['number', 'null'] },
              subscales: { type: 'object', additionalProperties: { type: 'number' } },
              subscaleBands: { type: 'object', additionalProperties: { type: 'string' } },
              crisis: { type: 'array', items: { type: 'string' } },
              level,
            },
          },
        },
      },
    },
  },
  $defs: { text, option, band, cutoff },
} as const;
