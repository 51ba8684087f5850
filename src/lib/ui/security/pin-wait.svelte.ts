/**
 * The wait after wrong tries as the screen shows it: until when, counting down each second.
 * The wait itself is decided and stored by PinKeeper; this only displays it.
 */
import type { PinCheck } from '$lib/security/pin-keeper';
import { describeWait } from '$lib/security/pin-rules';

export class PinWait {
	until = $state(0);
	now = $state(Date.now());
	readonly waiting = $derived(this.until > this.now);
	readonly text = $derived(describeWait(this.until - this.now));

	start(ms: number): void {
		this.now = Date.now();
		this.until = this.now + ms;
	}

	/** Ticks every second; `onover` runs when a wait ends. Returns the stop function. */
	tick(onover: () => void): () => void {
		const timer = setInterval(() => {
			this.now = Date.now();
			if (this.until && this.now >= this.until) {
				this.until = 0;
				onover();
			}
		}, 1000);
		return () => clearInterval(timer);
	}
}

/** What to say after a try that was not right, for a PIN or a recovery code. */
export function tryMessage(result: Exclude<PinCheck, { ok: true }>, what: 'PIN' | 'recovery code'): string {
	if (result.reason === 'no-pin') return what === 'PIN' ? 'No PIN is set.' : 'This PIN has no recovery code.';
	if (result.reason === 'wait') return 'Too many wrong tries. Please wait a little.';
	if (result.waitMs > 0) return `That ${what} is not right. Too many wrong tries, so there is a short wait.`;
	const n = result.triesLeft;
	return `That ${what} is not right. ${n} ${n === 1 ? 'try' : 'tries'} left before a short wait.`;
}
