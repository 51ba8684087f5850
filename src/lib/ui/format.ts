/** Dates as people read them, in the device's language. */
export function formatDate(isoDay: string): string {
	if (!isoDay) return 'No date';
	const [y, m, d] = isoDay.split('-').map(Number);
	return new Date(y, m - 1, d).toLocaleDateString(undefined, {
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	});
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
