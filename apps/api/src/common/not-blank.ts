import { isBlankText } from '@gridloop/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Text with something a reader can see ("   ", a zero-width space, a lone BOM are as empty as ""):
 * reported as 不能为空. The rule is the domain's isBlankText, the one every free-text check uses.
 */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isNotBlank', validator: { validate: (value: unknown) => typeof value === 'string' && !isBlankText(value) } }, options);
}
