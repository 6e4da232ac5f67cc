import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error';
import { ErrorCode } from './error-codes';

/** What went wrong with a field, in words a villager can read. Keyed by class-validator constraint. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  whitelistValidation: '包含不认识的内容',
  isDefined: '不能为空',
  isNotEmpty: '不能为空',
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
};

/** Strict input: unknown fields are refused, types are not coerced. The first problem is reported. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => toAppError(errors),
  });
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
