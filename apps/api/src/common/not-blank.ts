import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Text with something in it besides spaces ("   " is as empty as ""): reported as 不能为空. */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isNotBlank', validator: { validate: (value: unknown) => typeof value === 'string' && value.trim() !== '' } }, options);
}
