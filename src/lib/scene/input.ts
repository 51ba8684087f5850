/**
 * Pointer and keyboard input on the body canvas, beside OrbitControls (which owns drags):
 * a tap (< TAP_PX movement, < TAP_MS, one pointer) picks; a mouse hover highlights; arrow keys
 * turn and +/- zoom, so the canvas is usable without a pointer.
 *
 * In paint mode one finger, a pen or the left button paint a stroke instead (no taps, no hover);
 * a second finger turns the stroke into a pinch and cancels it (a palm resting while a pen paints
 * does not); the right button, or the left with Alt, Ctrl, Meta or Shift held, turns the body
 * (the rig is told before OrbitControls sees the press). A pen's eraser end erases.
 */

/** A tap moves less than this (CSS px) and lasts less than TAP_MS; anything else is a drag. */
export const TAP_PX = 6;
export const TAP_MS = 500;
/** A stroke is sampled at least this often (CSS px). */
export const STROKE_STEP_PX = 5;

/** What the input layer asks of the scene. */
export interface InputHandlers {
	/** A tap or click at client (CSS) coordinates. */
	tap(x: number, y: number, pointerType: string): void;
	/** The mouse rests over (x, y), or left the canvas (null). */
	hover(x: number, y: number): void;
	hoverEnd(): void;
	/** Turn by angles (radians) around the body, and/or zoom (factor > 1 moves closer). */
	turn(dTheta: number, dPhi: number, zoom: number): void;
	/** True while painting is on. */
	painting(): boolean;
	/** A press is about to reach the orbit controls; `turns` = this press should turn the body. */
	press(turns: boolean): void;
	/**
	 * A paint stroke: starts, moves through `points` (client px, sampled densely along fast moves
	 * so the dabs join up), ends, or is cancelled (its paint taken back). `eraser`: the stroke is
	 * made with a pen's eraser end, for all its phases.
	 */
	stroke(phase: StrokePhase, points: { x: number; y: number }[], eraser: boolean): void;
}

export type StrokePhase = 'start' | 'move' | 'end' | 'cancel';

/**
 * Listen on the canvas until `signal` aborts. Returns the number of listeners added
 * (counted by the scene's leak report).
 */
export function attachInput(canvas: HTMLCanvasElement, on: InputHandlers, signal: AbortSignal): number {
	const pointers = new Set<number>();
	let down: { id: number; x: number; y: number; t: number; multi: boolean } | null = null;
	let stroke: number | null = null;
	let penDown = false;
	let eraser = false;
	let last = { x: 0, y: 0 };
	const step = Math.PI / 12;
	const endStroke = (phase: 'end' | 'cancel') => {
		if (stroke === null) return;
		stroke = null;
		penDown = false;
		on.stroke(phase, [], eraser);
	};
	/** Points from the last one to (x, y), at most STROKE_STEP_PX apart. */
	const sample = (x: number, y: number) => {
		const n = Math.max(1, Math.ceil(Math.hypot(x - last.x, y - last.y) / STROKE_STEP_PX));
		const points = Array.from({ length: n }, (_, i) => ({ x: last.x + ((x - last.x) * (i + 1)) / n, y: last.y + ((y - last.y) * (i + 1)) / n }));
		last = { x, y };
		return points;
	};
	const listeners: [string, (e: never) => void][] = [
		[
			'pointerdown',
			(e: PointerEvent) => {
				if (on.painting() && penDown && e.pointerType === 'touch') {
					e.stopImmediatePropagation(); // a palm resting while the pen paints: no pinch, no turn
					return;
				}
				pointers.add(e.pointerId);
				if (on.painting()) {
					if (pointers.size > 1) return endStroke('cancel');
					const turns = e.pointerType === 'mouse' && (e.button !== 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey);
					on.press(turns);
					if (turns) return;
					stroke = e.pointerId;
					penDown = e.pointerType === 'pen';
					// Pointer Events: a pen's eraser is button 5, and bit 32 of `buttons` while pressed.
					eraser = penDown && (e.button === 5 || (e.buttons & 32) !== 0);
					canvas.setPointerCapture?.(e.pointerId);
					last = { x: e.clientX, y: e.clientY };
					on.stroke('start', [last], eraser);
					return;
				}
				if (pointers.size > 1) {
					// A second finger makes it a pinch, never a tap.
					if (down) down.multi = true;
					return;
				}
				down = { id: e.pointerId, x: e.clientX, y: e.clientY, t: performance.now(), multi: false };
			}
		],
		[
			'pointermove',
			(e: PointerEvent) => {
				if (stroke === e.pointerId) {
					// Fast strokes: the browser merges moves; paint through every one of them.
					const moves = e.getCoalescedEvents?.() ?? [];
					on.stroke('move', (moves.length ? moves : [e]).flatMap((m) => sample(m.clientX, m.clientY)), eraser);
					return;
				}
				if (e.pointerType === 'mouse' && e.buttons === 0 && !on.painting()) on.hover(e.clientX, e.clientY);
			}
		],
		[
			'pointerup',
			(e: PointerEvent) => {
				pointers.delete(e.pointerId);
				if (stroke === e.pointerId) return endStroke('end');
				const d = down;
				if (!d || d.id !== e.pointerId) return;
				down = null;
				const moved = Math.hypot(e.clientX - d.x, e.clientY - d.y);
				if (!d.multi && moved < TAP_PX && performance.now() - d.t < TAP_MS) on.tap(e.clientX, e.clientY, e.pointerType);
			}
		],
		[
			'pointercancel',
			(e: PointerEvent) => {
				pointers.delete(e.pointerId);
				down = null;
				if (stroke === e.pointerId) endStroke('cancel');
			}
		],
		[
			'pointerleave',
			(e: PointerEvent) => {
				if (e.pointerType === 'mouse') on.hoverEnd();
			}
		],
		[
			'keydown',
			(e: KeyboardEvent) => {
				const move: Record<string, [number, number, number]> = {
					// Like a drag: ArrowRight turns the body towards the right (camera moves left).
					ArrowLeft: [step, 0, 1],
					ArrowRight: [-step, 0, 1],
					ArrowUp: [0, -step, 1],
					ArrowDown: [0, step, 1],
					'+': [0, 0, 1.2],
					'=': [0, 0, 1.2],
					'-': [0, 0, 1 / 1.2]
				};
				const m = move[e.key];
				if (!m || e.altKey || e.ctrlKey || e.metaKey) return;
				e.preventDefault();
				on.turn(...m);
			}
		]
	];
	// Capture, so at the canvas these run before OrbitControls' own listeners (it must hear
	// `press` first to know whether a press turns or paints).
	for (const [type, fn] of listeners) canvas.addEventListener(type, fn as EventListener, { signal, capture: true });
	return listeners.length;
}
