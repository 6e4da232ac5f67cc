import { describe, expect, it } from '@jest/globals';
import { actionRule, REQUEST_ACTION_NAMES } from '@gridloop/domain';
import 'reflect-metadata';
import { OWN_OPERATION_ACTIONS, RequestActionDto, SUPPORTED_ACTIONS } from '../../src/requests/dtos/request.dto';

/** The body properties actOnRequest documents (@ApiProperty), as Nest's swagger plugin records them. */
function documentedProperties(): string[] {
  const names = (Reflect.getMetadata('swagger/apiModelPropertiesArray', RequestActionDto.prototype) ?? []) as string[];
  return names.map((name) => name.replace(/^:/, ''));
}

/**
 * The console builds each step's form from the workflow table's `fields` column and sends the
 * values under the fields' names (issue #19): so each name must be a property of actOnRequest's
 * body, and each action with a form must be one actOnRequest takes or has its own operation.
 */
describe('the workflow table’s form fields and the API’s action body', () => {
  it('every field a row names is a documented property of RequestActionDto', () => {
    const documented = documentedProperties();
    expect(documented).toEqual(expect.arrayContaining(['version', 'note', 'photoIds']));
    const named = REQUEST_ACTION_NAMES.flatMap((action) => (actionRule(action).fields ?? []).map((field) => `${action}.${field.name}`));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((entry) => !documented.includes(entry.split('.')[1] ?? ''))).toEqual([]);
  });

  it('every action of the table is taken through actOnRequest or an operation of its own', () => {
    const taken: readonly string[] = [...SUPPORTED_ACTIONS, ...OWN_OPERATION_ACTIONS];
    expect(REQUEST_ACTION_NAMES.filter((action) => !taken.includes(action))).toEqual([]);
  });
});
