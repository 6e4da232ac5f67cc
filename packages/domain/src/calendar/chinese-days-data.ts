// The only module that touches the chinese-days package.
// We read its raw data file rather than call its isWorkday(): the data needs no code to run,
// bundles the same way in Node (require of JSON) and in webpack (built-in JSON support),
// and avoids its date parsing, which shifts 'YYYY-MM-DD' back one day when the host time zone
// is west of UTC and silently rolls over impossible dates such as 2026-02-30.
import chineseDaysData from 'chinese-days/dist/chinese-days.json';

/** Official days off, `YYYY-MM-DD` → "English name,中文名,days" (chinese-days' format). */
export const chineseDaysHolidays: Readonly<Record<string, string>> = chineseDaysData.holidays;

/** Official make-up working days (调休上班), same format. */
export const chineseDaysWorkingDays: Readonly<Record<string, string>> = chineseDaysData.workdays;
