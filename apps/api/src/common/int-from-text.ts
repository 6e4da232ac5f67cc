import { Transform } from 'class-transformer';

/**
 * A whole number that arrives as text (a multipart field): plain digits become a number;
 * anything else is left as it came, for IsInt to refuse. Unlike @Type(() => Number) it never
 * coerces blanks, hex or exponents, and never converts an object: multer turns a field named
 * `townId[a]` into a null-prototype object, on which Number() throws (a 500).
 */
export function IntFromText(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^[0-9]{1,15}$/.test(value) ? Number(value) : value));
}
