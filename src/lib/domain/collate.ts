/**
 * The orders and formats lists are shown in, made once: the first Intl.Collator or
 * DateTimeFormat costs ICU several milliseconds. `prepareListFormats` makes them while the
 * main thread would only wait (the home screen calls it while its database reads run), so the
 * first render after the reads does not pay for them.
 */
import { formatDate } from './dates';

let names: Intl.Collator | null = null;

/** People's names in the device's order, case and accents aside ('anna' beside 'Åsa', 'Ben'). */
export function compareNames(a: string, b: string): number {
	names ??= new Intl.Collator(undefined, { sensitivity: 'base' });
	return names.compare(a, b);
}

/** Makes the name order and the day format now, not at the first list. */
export function prepareListFormats(): void {
	compareNames('', '');
	formatDate('2000-01-01');
}
