/** Fuzz property of the settings loader (fast-check, fixed seed): any repro.yml and --set values give settings or a SettingsError. */
import { test } from 'node:test';
import fc from 'fast-check';
import { loadSettings } from '../../src/settings/load.ts';
import { configKeys } from '../../src/settings/schema.ts';
import { fuzzParameters, returnsOrThrowsOurError } from '../support/fuzz.ts';

const key = fc.oneof(
  fc.constantFrom(...configKeys(), '__proto__', 'constructor', 'prototype', 'tolerance.rtol', 'trainer.steps'),
  fc.string({ maxLength: 6 }),
);
const scalar = fc.oneof(
  fc.constantFrom(
    'true',
    'no',
    '~',
    '1e-5',
    '-0',
    '.nan',
    '"a\\0b"',
    '[1, 2]',
    '{rtol: 1}',
    '&a x',
    '*a',
    '!!binary aGk=',
  ),
  fc.string({ maxLength: 10 }),
  fc.double().map(String),
);
const yamlLine = fc.tuple(fc.nat(2), key, scalar).map(([indent, k, v]) => `${'  '.repeat(indent)}${k}: ${v}`);
const configText = fc.oneof(
  fc.array(yamlLine, { maxLength: 10 }).map((lines) => lines.join('\n')),
  fc.string({ maxLength: 120 }),
);
const override = fc.record({ key, value: scalar, origin: fc.constant('--set') });

test('loadSettings: any config text and overrides give settings or a SettingsError, without a stack and in bounded time; Object.prototype untouched', () => {
  fc.assert(
    fc.property(configText, fc.array(override, { maxLength: 3 }), (text, overrides) => {
      returnsOrThrowsOurError(() => loadSettings({ file: { path: 'repro.yml', text }, overrides }));
      if (Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>).polluted !== undefined)
        throw new Error('Object.prototype was changed');
    }),
    fuzzParameters(400),
  );
});
