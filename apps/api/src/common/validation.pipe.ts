import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, IS_OPTIONAL, MAX_LENGTH } from 'class-validator';
import { AppError } from './app-error';
import { charCount, isCleanText } from './clean-text';
import { ErrorCode } from './error-codes';

/** What went wrong with a field, in words a villager can read. Keyed by class-validator constraint. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: '包含不认识的内容',
  isDefined: '不能为空',
  isNotEmpty: '不能为空',
  isNotBlank: '不能为空',
  isString: '应当是文字',
  isInt: '应当是整数',
  isNumber: '应当是数字',
  isBoolean: '应当是“是”或“否”',
  isEnum: '不在可选范围内',
  isIn: '不在可选范围内',
  maxLength: '太长了',
  minLength: '太短了',
  min: '太小了',
  max: '太大了',
  matches: '格式不对',
  isMobilePhone: '不是有效的手机号',
  isArray: '应当是列表',
  arrayMaxSize: '数量太多了',
  arrayUnique: '不能重复',
  // The API's own rules, checked before class-validator (see StrictValidationPipe).
  cleanText: '包含无法识别的字符',
  notNull: '不能是空值（不填请省略这一项）',
  tooDeep: '嵌套层数太多',
};

/** Our inputs are flat; nesting deeper than this is refused before anything walks it recursively. */
const MAX_DEPTH = 16;

/**
 * Names class-transformer and Nest drop without a word (the prototype-pollution guards, and
 * anything that names a method every object has), so the whitelist never sees them to refuse.
 */
const DROPPED_NAMES = new Set(['__proto__', 'prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/** Strict input: unknown fields are refused, types are not coerced. The first problem is reported. */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => toAppError(errors),
  });
}

/**
 * class-validator plus the rules it cannot express, checked on the value as it arrived, before
 * class-transformer copies it (recursively: a body nested 10 000 deep overflowed the stack, a
 * 500; and silently dropping names). Anywhere in the value: no nesting past MAX_DEPTH, none of
 * the dropped names, clean text only (clean-text.ts). In the DTO's own fields: no null where a
 * field may only be left out (IsOptional lets null through; the document says these are never
 * null), and MaxLength counted in characters as the database counts them.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && this.toValidate(metadata) && value !== null && typeof value === 'object') {
      const problem = firstProblem(value, Array.isArray(value) ? 'body' : '', 1) ?? fieldRuleProblem(value as Record<string, unknown>, metadata.metatype);
      if (problem) throw new AppError(ErrorCode.ValidationFailed, problem.field, `填写的内容有误：${problem.field} ${CONSTRAINT_MESSAGES[problem.rule]}`);
    }
    return super.transform(value, metadata);
  }
}

interface Problem {
  field: string;
  rule: string;
}

function firstProblem(value: object, path: string, depth: number): Problem | undefined {
  if (depth > MAX_DEPTH) return { field: path.split('.')[0] || 'body', rule: 'tooDeep' };
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (DROPPED_NAMES.has(key)) return { field, rule: 'whitelistValidation' };
    if (typeof item === 'string' && !isCleanText(item)) return { field, rule: 'cleanText' };
    if (item !== null && typeof item === 'object') {
      const inner = firstProblem(item, field, depth + 1);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** Null in an optional field of the DTO; text longer than its MaxLength in characters. Our DTOs are flat. */
function fieldRuleProblem(value: Record<string, unknown>, metatype: NonNullable<ArgumentMetadata['metatype']>): Problem | undefined {
  const rules = getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false);
  for (const rule of rules) {
    const item = value[rule.propertyName];
    if (rule.name === IS_OPTIONAL && item === null) return { field: rule.propertyName, rule: 'notNull' };
    if (rule.name === MAX_LENGTH && typeof item === 'string' && charCount(item) > Number(rule.constraints[0]))
      return { field: rule.propertyName, rule: 'maxLength' };
  }
  return undefined;
}

function toAppError(errors: ValidationError[], parent = ''): AppError {
  const first = errors[0];
  if (!first) return new AppError(ErrorCode.ValidationFailed);
  const field = parent ? `${parent}.${first.property}` : first.property;
  if (!first.constraints && first.children?.length) return toAppError(first.children, field);
  const constraint = Object.keys(first.constraints ?? {})[0] ?? '';
  const problem = CONSTRAINT_MESSAGES[constraint] ?? '填写有误';
  return new AppError(ErrorCode.ValidationFailed, field, `填写的内容有误：${field} ${problem}`);
}
