import { isJsonObject, parseJsonObject, type JsonObject } from '../json';
import { ControlInputError } from '../state/control-input-error';

// Readers for /__fake/ request bodies: they turn loose JSON into the typed control inputs, or throw
// ControlInputError (HTTP 400) naming the field that was wrong.

/** An empty body reads as {}, so bodiless POSTs such as /__fake/login work. */
export function controlBody(rawBody: string): JsonObject {
  if (rawBody.trim() === '') return {};
  const body = parseJsonObject(rawBody);
  if (body === undefined) throw new ControlInputError('body must be a JSON object');
  return body;
}

export function optionalString(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw new ControlInputError(`${key} must be a non-empty string`);
  return value;
}

export function requiredString(body: JsonObject, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined) throw new ControlInputError(`${key} is required`);
  return value;
}

export function optionalNumber(body: JsonObject, key: string): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new ControlInputError(`${key} must be a number`);
  return value;
}

export function optionalBoolean(body: JsonObject, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new ControlInputError(`${key} must be a boolean`);
  return value;
}

export function requiredObject(body: JsonObject, key: string): JsonObject {
  const value = body[key];
  if (!isJsonObject(value)) throw new ControlInputError(`${key} must be a JSON object`);
  return value;
}

export function optionalWordList(body: JsonObject, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((word): word is string => typeof word === 'string' && word !== '')) {
    throw new ControlInputError(`${key} must be an array of non-empty strings`);
  }
  return value;
}
