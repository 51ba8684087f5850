import { describe, expect, it } from 'vitest';
import { attachInput, type InputHandlers, type StrokePhase } from '$lib/scene/input';

/** A canvas stand-in: attachInput only listens and captures pointers. */
function harness(painting = true) {
	const canvas = Object.assign(new EventTarget(), { setPointerCapture() {} }) as unknown as HTMLCanvasElement;
	const strokes: { phase: StrokePhase; points: number; eraser: boolean }[] = [];
	const presses: boolean[] = [];
	const taps: string[] = [];
	const on: InputHandlers = {
		tap: (_x, _y, type) => taps.push(type),
		hover() {},
		hoverEnd() {},
		turn() {},
		painting: () => painting,
		press: (turns) => presses.push(turns),
		stroke: (phase, points, eraser) => strokes.push({ phase, points: points.length, eraser })
	};
	const abort = new AbortController();
	attachInput(canvas, on, abort.signal);
	const send = (type: string, init: Partial<PointerEvent>) =>
		canvas.dispatchEvent(Object.assign(new Event(type, { cancelable: true }), { pointerId: 1, pointerType: 'mouse', button: 0, buttons: 1, clientX: 0, clientY: 0, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...init }));
	return { send, strokes, presses, taps, stop: () => abort.abort() };
}

describe('painting input', () => {
	it("a pen's tip paints and its eraser end erases, for the whole stroke", () => {
		const h = harness();
		h.send('pointerdown', { pointerId: 7, pointerType: 'pen', button: 0, buttons: 1 });
		h.send('pointermove', { pointerId: 7, pointerType: 'pen', clientX: 12, clientY: 0 });
		h.send('pointerup', { pointerId: 7, pointerType: 'pen' });
		h.send('pointerdown', { pointerId: 8, pointerType: 'pen', button: 5, buttons: 32 });
		h.send('pointermove', { pointerId: 8, pointerType: 'pen', buttons: 32, clientX: 12, clientY: 0 });
		h.send('pointerup', { pointerId: 8, pointerType: 'pen', button: 5, buttons: 0 });
		expect(h.strokes.map((s) => `${s.phase}:${s.eraser}`)).toEqual([
			'start:false', 'move:false', 'end:false',
			'start:true', 'move:true', 'end:true'
		]);
	});

	it('a fast move is sampled every few pixels so the dabs join up', () => {
		const h = harness();
		h.send('pointerdown', { pointerType: 'touch' });
		h.send('pointermove', { pointerType: 'touch', clientX: 50, clientY: 0 });
		expect(h.strokes[1]).toMatchObject({ phase: 'move', points: 10 });
	});

	it('a second finger cancels the stroke; a palm resting while a pen paints does not', () => {
		const fingers = harness();
		fingers.send('pointerdown', { pointerId: 1, pointerType: 'touch' });
		fingers.send('pointerdown', { pointerId: 2, pointerType: 'touch' });
		expect(fingers.strokes.map((s) => s.phase)).toEqual(['start', 'cancel']);

		const pen = harness();
		pen.send('pointerdown', { pointerId: 1, pointerType: 'pen' });
		pen.send('pointerdown', { pointerId: 2, pointerType: 'touch' });
		pen.send('pointerup', { pointerId: 1, pointerType: 'pen' });
		expect(pen.strokes.map((s) => s.phase)).toEqual(['start', 'end']);
	});

	it('the right button or a held modifier turns the body instead of painting', () => {
		const h = harness();
		h.send('pointerdown', { button: 2, buttons: 2 });
		h.send('pointerup', {});
		h.send('pointerdown', { shiftKey: true });
		h.send('pointerup', {});
		h.send('pointerdown', {});
		expect(h.presses).toEqual([true, true, false]);
		expect(h.strokes.map((s) => s.phase)).toEqual(['start']);
	});

	it('with painting off a short press is a tap, and a two-finger touch is never one', () => {
		const h = harness(false);
		h.send('pointerdown', { pointerType: 'touch' });
		h.send('pointerup', { pointerType: 'touch', clientX: 2 });
		h.send('pointerdown', { pointerId: 1, pointerType: 'touch' });
		h.send('pointerdown', { pointerId: 2, pointerType: 'touch' });
		h.send('pointerup', { pointerId: 2, pointerType: 'touch' });
		h.send('pointerup', { pointerId: 1, pointerType: 'touch' });
		expect(h.taps).toEqual(['touch']);
		expect(h.strokes).toEqual([]);
	});
});
