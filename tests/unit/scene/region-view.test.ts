import { describe, expect, it } from 'vitest';
import { bestView, viewShowingMost } from '../../../src/lib/scene/region-view';
import { codeOf } from '../../../src/lib/domain/regions';
import { body } from '../body/helpers';

describe('the quick view that shows a region', () => {
	it('turns to the side each region faces, on every figure', async () => {
		for (const figure of ['female', 'male'] as const) {
			const m = await body(figure);
			expect(bestView(m, codeOf('lumbar-erector-l')), 'low back').toBe('back');
			expect(bestView(m, codeOf('upper-trapezius-r')), 'top of the shoulder').toBe('back');
			expect(bestView(m, codeOf('sternum')), 'sternum').toBe('front');
			expect(bestView(m, codeOf('gastrocnemius-l')), 'calf').toBe('back');
			expect(bestView(m, codeOf('latissimus-l')), 'left side of the back').toMatch(/^(left|back)$/);
			expect(bestView(m, codeOf('side-of-neck-r')), 'right side of the neck').toBe('right');
		}
	});
	it('a region with no skin on the model falls back to the front', () => {
		expect(bestView({ normals: new Float32Array(3), regions: new Uint8Array(1) }, 5)).toBe('front');
	});
	it('a plan opened with nothing selected shows the side with most of its marks; a tie, or none, the front', async () => {
		const m = await body('female');
		const [low, calf, sternum] = [codeOf('lumbar-erector-l'), codeOf('gastrocnemius-l'), codeOf('sternum')];
		expect(viewShowingMost(m, [low])).toBe('back');
		expect(viewShowingMost(m, [low, calf, sternum])).toBe('back');
		expect(viewShowingMost(m, [low, sternum])).toBe('front');
		expect(viewShowingMost(m, [sternum, sternum, low])).toBe('front');
		expect(viewShowingMost(m, [])).toBe('front');
	});
});
