import type { Clock } from '../clock';
import { newPhoneCode } from '../ids';
import { ControlInputError } from './control-input-error';

export interface PhoneCodeEntry {
  phoneNumber: string;
  /** When the user tapped "allow": WeChat reports it as phone_info.watermark.timestamp. */
  issuedAtMs: number;
}

/** Codes from <Button openType="getPhoneNumber">: single-use, valid for the code time to live (5 min). */
export class PhoneStore {
  private readonly pending = new Map<string, PhoneCodeEntry>();

  constructor(
    private readonly clock: Clock,
    private readonly codeTtlMs: number,
  ) {}

  issue(phoneNumber: string): { code: string } {
    if (!/^1\d{10}$/.test(phoneNumber)) {
      throw new ControlInputError('phoneNumber must be an 11-digit mainland number starting with 1');
    }
    const code = newPhoneCode();
    this.pending.set(code, { phoneNumber, issuedAtMs: this.clock() });
    return { code };
  }

  redeem(code: string): PhoneCodeEntry | undefined {
    const entry = this.pending.get(code);
    if (entry === undefined) return undefined;
    this.pending.delete(code);
    if (this.clock() - entry.issuedAtMs >= this.codeTtlMs) return undefined;
    return entry;
  }

  reset(): void {
    this.pending.clear();
  }
}
