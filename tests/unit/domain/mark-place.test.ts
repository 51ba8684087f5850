import { describe, expect, it } from 'vitest';
import { placeOfMark, placeOfShares } from '$lib/domain/mark-place';
import { codeOf } from '$lib/domain/regions';

const share = (id: string, area: number) => ({ region: codeOf(id), area });

describe('placeOfShares: a painting named by its main regions', () => {
	it('names a left/right pair once, "both sides", then how many more', () => {
		const shares = [
			share('lumbar-erector-l', 40),
			share('lumbar-erector-r', 36),
			...['thoracic-erector-l', 'thoracic-erector-r', 'latissimus-l', 'latissimus-r', 'gluteus-medius-l', 'gluteus-medius-r', 'gluteus-maximus-l', 'gluteus-maximus-r'].map((id) => share(id, 3))
		];
		expect(placeOfShares(shares)).toBe('Low back beside the spine, both sides, and 8 more');
	});

	it('names one side when the other side holds only a sliver, and the largest region first', () => {
		expect(placeOfShares([share('lumbar-erector-r', 5), share('lumbar-erector-l', 50), share('latissimus-l', 4)])).toBe(
			'Left low back beside the spine, and 2 more'
		);
	});

	it('names two different main regions when neither holds most of the area', () => {
		expect(placeOfShares([share('upper-trapezius-r', 30), share('levator-scapulae-r', 28), share('rhomboids-r', 4)])).toBe(
			'Right top of the shoulder (upper trapezius); Right neck to shoulder blade (levator scapulae), and 1 more'
		);
	});

	it('says just the region when a painting stays on one, and "Painted area" when nothing is known', () => {
		expect(placeOfShares([share('gastrocnemius-l', 12)])).toBe('Left upper calf (gastrocnemius)');
		expect(placeOfShares([{ region: 999, area: 3 }])).toBe('Painted area');
	});
});

describe('placeOfMark', () => {
	it('is the region of a tapped mark and the main regions of a painted one', () => {
		expect(placeOfMark({ region: codeOf('sternum'), patch: null })).toMatch(/^[A-Z]/);
		const patch = { regions: [share('lumbar-erector-l', 10), share('lumbar-erector-r', 10), share('latissimus-l', 1)] };
		expect(placeOfMark({ region: codeOf('lumbar-erector-l'), patch })).toBe('Low back beside the spine, both sides, and 1 more');
	});
});
