/**
 * Region codes for the MakeHuman region map (left side, as `domain/regions.ts` numbers them),
 * the mirror of a code, and the clean-up that leaves each region one connected piece. Pure.
 */
import { REGIONS, codeOf } from '../../domain/regions';

export function regionCodes(): Record<string, number> {
	const C = (id: string): number => codeOf(id);
	return {
		scalp: C('scalp-l'), face: C('face'), jaw: C('jaw-l'),
		subocc: C('suboccipitals-l'), backNeck: C('back-of-neck-l'), sideNeck: C('side-of-neck-l'), frontNeck: C('front-of-neck-l'), throat: C('throat'),
		trap: C('upper-trapezius-l'), levator: C('levator-scapulae-l'), infra: C('infraspinatus-l'), deltoid: C('deltoid-l'),
		rhomb: C('rhomboids-l'), thorEr: C('thoracic-erector-l'), lat: C('latissimus-l'), lumbEr: C('lumbar-erector-l'), sacrum: C('sacrum'),
		pec: C('pectoralis-l'), sternum: C('sternum'), serratus: C('serratus-l'), abs: C('abdominals-l'),
		biceps: C('biceps-l'), triceps: C('triceps-l'), elbow: C('elbow-l'), flexors: C('forearm-flexors-l'), extensors: C('forearm-extensors-l'), hand: C('hand-l'),
		gmax: C('gluteus-maximus-l'), gmed: C('gluteus-medius-l'), tfl: C('tfl-l'), groin: C('groin-l'),
		quads: C('quadriceps-l'), adductors: C('adductors-l'), hams: C('hamstrings-l'), itb: C('it-band-l'), knee: C('knee-l'),
		gastroc: C('gastrocnemius-l'), achilles: C('achilles-l'), tibialis: C('tibialis-anterior-l'), peroneals: C('peroneals-l'),
		ankle: C('ankle-l'), sole: C('sole-l')
	};
}

/** The right-side code of a left-side (or midline) code. */
export function mirrorCode(code: number): number {
	const r = REGIONS[code - 1];
	return r.side === 'left' ? code + 1 : r.side === 'right' ? code - 1 : code;
}

/**
 * Make each code one connected piece among the vertices `keep` selects: every smaller piece
 * takes the code it borders most, repeated until nothing changes.
 */
export function onePiece(code: Uint8Array, nbr: Uint32Array[], keep: (v: number) => boolean): void {
	const nv = code.length;
	for (let round = 0; round < 50; round++) {
		const comp = new Int32Array(nv).fill(-1);
		const size: number[] = [];
		const codeOfComp: number[] = [];
		for (let s = 0; s < nv; s++) {
			if (!keep(s) || comp[s] >= 0) continue;
			const id = size.length;
			const stack = [s];
			comp[s] = id;
			let n = 0;
			while (stack.length) {
				const v = stack.pop()!;
				n++;
				for (const u of nbr[v]) if (keep(u) && comp[u] < 0 && code[u] === code[s]) {
					comp[u] = id;
					stack.push(u);
				}
			}
			size.push(n);
			codeOfComp.push(code[s]);
		}
		const biggest = new Map<number, number>();
		size.forEach((n, id) => {
			const c = codeOfComp[id];
			const b = biggest.get(c);
			if (b === undefined || n > size[b]) biggest.set(c, id);
		});
		let changed = false;
		// Smallest strays first: each takes the code it shares the most edges with.
		const strays = size.map((_, id) => id).filter((id) => biggest.get(codeOfComp[id]) !== id).sort((a, b) => size[a] - size[b] || a - b);
		for (const id of strays) {
			const votes = new Map<number, number>();
			for (let v = 0; v < nv; v++) if (comp[v] === id) for (const u of nbr[v]) if (keep(u) && comp[u] !== id) votes.set(code[u], (votes.get(code[u]) ?? 0) + 1);
			let best = -1, bestN = -1;
			for (const [c, n] of [...votes].sort((a, b) => a[0] - b[0])) if (n > bestN) {
				best = c;
				bestN = n;
			}
			if (best < 0) continue;
			for (let v = 0; v < nv; v++) if (comp[v] === id) code[v] = best;
			changed = true;
		}
		if (!changed) return;
	}
}
