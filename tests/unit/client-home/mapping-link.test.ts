import { describe, expect, it } from 'vitest';
import {
	clientOfRequest,
	firstNameOf,
	greeting,
	mappingFragment,
	newRequestId,
	readMappingFragment,
	rememberRequest,
	REQUESTS_KEPT,
	REQUEST_LIFE_MS,
	requestExpires,
	MAPPING_FRAGMENT_MAX
} from '$lib/domain/mapping-link';

const ID = newRequestId();

describe('mapping link', () => {
	it('carries the first name, the practice and the request id, and reads them back', () => {
		const fragment = mappingFragment('Sam', 'Bodywise Massage', ID);
		expect(fragment).toBe(`n=Sam&p=Bodywise%20Massage&r=${ID}`);
		expect(readMappingFragment('#' + fragment)).toEqual({ firstName: 'Sam', practice: 'Bodywise Massage', id: ID });
		expect(greeting({ firstName: 'Sam', practice: 'Bodywise Massage' })).toBe('Hi Sam — Bodywise Massage asks you to mark where it hurts.');
	});

	it('makes unguessable ids that are valid record ids', () => {
		expect(ID).toMatch(/^r[A-Za-z0-9_-]{22}$/);
		expect(new Set(Array.from({ length: 200 }, () => newRequestId())).size).toBe(200);
	});

	it('takes the first word of a name, without hidden characters', () => {
		expect(firstNameOf('  Sam\u202E Taylor ')).toBe('Sam');
		expect(firstNameOf('Ana-María López')).toBe('Ana-María');
	});

	it('reads hostile links safely: hidden characters out, caps, bad ids dropped', () => {
		const evil = new URLSearchParams({ n: 'Sam\u202Egnp.exe\u0000', p: '<img src=x onerror=alert(1)>' + 'x'.repeat(300), r: '../../etc' }).toString();
		const read = readMappingFragment(evil)!;
		expect(read.firstName).toBe('Samgnp.exe');
		expect(read.practice.length).toBe(80);
		expect(read.practice.startsWith('<img src=x')).toBe(true); // text: the page never renders it as HTML
		expect(read.id).toBeNull();
		expect(readMappingFragment('n=' + 'é'.repeat(60))!.firstName).toHaveLength(40);
		// Surrogate pairs are never cut in half.
		expect(readMappingFragment('n=' + encodeURIComponent('😀'.repeat(50)))!.firstName).toBe('😀'.repeat(40));
		// A broken escape is dropped, the rest kept as plain text.
		expect(readMappingFragment('n=%E0%A4%A&p=%')).toEqual({ firstName: '%A', practice: '%', id: null });
		expect(readMappingFragment('n=' + 'a'.repeat(MAPPING_FRAGMENT_MAX))).toBeNull();
		expect(readMappingFragment('')).toBeNull();
		expect(readMappingFragment('#h=abc')).toBeNull();
		expect(readMappingFragment('n=Sam%0A%0Dnext%09line')!.firstName).toBe('Sam next line');
	});

	it('greets without a name or practice in plain words', () => {
		expect(greeting({ firstName: '', practice: '' })).toBe('Hello — your therapist asks you to mark where it hurts.');
	});
});

describe('requests a device made', () => {
	it('reuses a client’s request and remembers new ones, newest last, within the cap', () => {
		let n = 0;
		const next = () => `r${String(n++).padStart(22, '0')}`;
		const first = rememberRequest(undefined, 'client-a', 1, next);
		expect(first.list).toEqual([{ id: first.request.id, clientId: 'client-a', createdAt: 1 }]);
		const again = rememberRequest(first.list, 'client-a', 2, next);
		expect(again.request.id).toBe(first.request.id);
		const other = rememberRequest(first.list, 'client-b', 3, next);
		expect(other.list.map((r) => r.clientId)).toEqual(['client-a', 'client-b']);
		expect(clientOfRequest(other.list, other.request.id, 4)).toBe('client-b');

		let many: unknown = [];
		for (let i = 0; i < REQUESTS_KEPT + 5; i++) many = rememberRequest(many, `c${i}`, i, next).list;
		expect((many as unknown[]).length).toBe(REQUESTS_KEPT);
		expect(clientOfRequest(many, first.request.id, REQUESTS_KEPT + 5)).toBeNull();
	});

	it('never takes a name or a malformed row for a request', () => {
		const stored = [{ id: 'Sam', clientId: 'c1', createdAt: 1 }, null, 'x', { id: ID, clientId: 'c2', createdAt: 2 }];
		expect(clientOfRequest(stored, 'Sam', 3)).toBeNull();
		expect(clientOfRequest(stored, ID, 3)).toBe('c2');
		expect(clientOfRequest('not a list', ID, 3)).toBeNull();
	});

	it('expires a request 90 days after its link was made, and gives a new link after 30 days', () => {
		const DAY = 86_400_000;
		let n = 0;
		const next = () => `r${String(n++).padStart(22, '0')}`;
		const made = rememberRequest(undefined, 'client-a', 0, next);
		expect(requestExpires(made.request)).toBe(REQUEST_LIFE_MS);
		expect(REQUEST_LIFE_MS).toBe(90 * DAY);
		expect(clientOfRequest(made.list, made.request.id, 90 * DAY - 1)).toBe('client-a');
		expect(clientOfRequest(made.list, made.request.id, 90 * DAY)).toBeNull();
		// Within 30 days the same link; later a new one, so a link just sent works 60 days or more.
		expect(rememberRequest(made.list, 'client-a', 29 * DAY, next).request.id).toBe(made.request.id);
		const later = rememberRequest(made.list, 'client-a', 31 * DAY, next);
		expect(later.request.id).not.toBe(made.request.id);
		expect(requestExpires(later.request)).toBe(121 * DAY);
		// The old link still answers until it expires; expired ones are dropped from the list.
		expect(clientOfRequest(later.list, made.request.id, 31 * DAY)).toBe('client-a');
		expect(rememberRequest(later.list, 'client-b', 100 * DAY, next).list.map((r) => r.id)).not.toContain(made.request.id);
	});
});
