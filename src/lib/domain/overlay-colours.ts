/**
 * The compare overlay's colours for "only before", "only after" and "both". The sensations use
 * all eight Okabe–Ito colours (domain/sensations), so these come from Paul Tol's muted scheme,
 * also made for colour-blind readers: indigo, olive and wine. Each stays far (CIELAB ΔE ≥ 30)
 * from every sensation colour, and the three stay apart for normal, deutan and protan vision,
 * so pink never means "both" here and "knot" elsewhere (tests/unit/domain/overlay-colours).
 */
export const OVERLAY_COLOURS = {
	before: '#332288',
	after: '#999933',
	both: '#882255'
} as const;

export type OverlayPart = keyof typeof OVERLAY_COLOURS;
