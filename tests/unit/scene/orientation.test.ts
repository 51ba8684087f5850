import { describe, expect, it } from 'vitest';
import { Box3, Vector3 } from 'three';
import { orientationFor } from '../../../src/lib/scene/orientation';
import { fitDistance, lerpPose, presetPose } from '../../../src/lib/scene/views';

const body = new Box3(new Vector3(-0.35, 0, -0.15), new Vector3(0.35, 1.7, 0.15));
const at = (name: 'front' | 'back' | 'left' | 'right') => {
	const pose = presetPose(name, body, 4);
	return orientationFor(pose.position, pose.target);
};

describe('orientation labels', () => {
	it("front view: the client's left is on the viewer's right", () => {
		expect(at('front')).toEqual({ facing: 'front', clientLeft: 'right', clientFront: null });
	});
	it("back view: the client's left is on the viewer's left", () => {
		expect(at('back')).toEqual({ facing: 'back', clientLeft: 'left', clientFront: null });
	});
	it("left side view shows the client's left side, front on screen left", () => {
		// Camera on +x looking at -x: screen right is -z (the back).
		expect(at('left')).toEqual({ facing: 'left', clientLeft: null, clientFront: 'left' });
	});
	it("right side view shows the client's right side, front on screen right", () => {
		expect(at('right')).toEqual({ facing: 'right', clientLeft: null, clientFront: 'right' });
	});
	it('a three-quarter view still names both sides', () => {
		const o = orientationFor(new Vector3(3, 1, 3), new Vector3(0, 1, 0));
		expect(o.facing).toBe('front');
		expect(o.clientLeft).toBe('right');
	});
});

describe('views', () => {
	it('fits the whole body, further away on a narrow (portrait) screen', () => {
		const wide = fitDistance(body, 35, 1.5);
		const narrow = fitDistance(body, 35, 0.3);
		expect(wide).toBeGreaterThan(2.5);
		expect(narrow).toBeGreaterThan(wide);
	});
	it('frames a quick view by what is across the screen: the A-pose arms from the front, the depth from the side', () => {
		// The MakeHuman figures' bounds: arms out to ±0.42 m in an A-pose, 0.3 m deep, 1.59 m tall.
		const aPose = new Box3(new Vector3(-0.42, 0, -0.1), new Vector3(0.42, 1.59, 0.2));
		const phone = 0.45;
		const front = fitDistance(aPose, 35, phone, 'front');
		const side = fitDistance(aPose, 35, phone, 'left');
		expect(side).toBeLessThan(front);
		// From the side the figure's height fills the view (the arms' span no longer limits it).
		const byHeight = (1.59 * 1.08) / 2 / Math.tan((35 * Math.PI) / 360);
		expect(side).toBeCloseTo(byHeight + 0.42, 5);
		// The zoom limit still fits the body whichever way it is turned.
		expect(fitDistance(aPose, 35, phone)).toBeCloseTo(front, 5);
	});
	it('transitions swing around the body at constant distance', () => {
		const a = presetPose('front', body, 4);
		const b = presetPose('back', body, 4);
		const mid = lerpPose(a, b, 0.5, { position: new Vector3(), target: new Vector3() });
		expect(mid.position.distanceTo(mid.target)).toBeCloseTo(4, 5);
		expect(Math.abs(mid.position.x - mid.target.x)).toBeGreaterThan(3.5); // at a side, not through the body
	});
});
