// Dates come from one place so they look the same on every page.
export { formatDate } from '$lib/domain/dates';

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
