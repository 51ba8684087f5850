/**
 * Every date the app shows, in one place and one look, in the device's language: a plan's day
 * ('Nov 29, 2026' in English), a short day for a chart's axis ('Nov 29'), and a moment
 * ('Nov 29, 2026, 4:05 PM'). Plan days are stored as 'YYYY-MM-DD' and read as local days (never
 * through UTC, which would show the day before west of Greenwich). `locale` is for tests.
 */

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

/**
 * The day format, made once per locale: making one costs ICU several milliseconds, which a list of
 * dates paid before it showed (the home screen makes it while its database reads run: ./collate).
 */
const dayFormats = new Map<string | undefined, Intl.DateTimeFormat>();
function dayFormat(locale?: string): Intl.DateTimeFormat {
	let f = dayFormats.get(locale);
	if (!f) dayFormats.set(locale, (f = new Intl.DateTimeFormat(locale, DAY)));
	return f;
}

function localDay(isoDay: string): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
	if (!m) return null;
	const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	return Number.isNaN(date.getTime()) ? null : date;
}

/** A plan's day: 'Nov 29, 2026'; 'No date' when empty, and the text itself when it is no day. */
export function formatDate(isoDay: string, locale?: string): string {
	if (!isoDay) return 'No date';
	const date = localDay(isoDay);
	return date ? dayFormat(locale).format(date) : isoDay;
}

/** A day without the year, for a chart's axis: 'Nov 29'. */
export function formatShortDate(isoDay: string, locale?: string): string {
	const date = localDay(isoDay);
	return date ? date.toLocaleDateString(locale, { day: 'numeric', month: 'short' }) : '?';
}

/** A moment: the day as `formatDate` shows it, and the time. */
export function formatDateTime(ms: number, locale?: string): string {
	const date = new Date(ms);
	if (Number.isNaN(date.getTime())) return 'an unknown time';
	return `${dayFormat(locale).format(date)}, ${date.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' })}`;
}

/** The day of a moment as 'YYYY-MM-DD' in local time, so `formatDate` can show it. */
export function isoDayOf(ms: number): string {
	const d = new Date(ms);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
