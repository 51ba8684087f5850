import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeUint32, encodeUint32 } from '$lib/domain/backup/base64';
import { backupFileName } from '$lib/domain/backup/format';
import { mergeAction } from '$lib/domain/backup/merge';

describe('base64', () => {
	it('matches the standard encoding at every length, and decodes back exactly', () => {
		for (let n = 0; n < 40; n++) {
			const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
			const text = bytesToBase64(bytes);
			expect(text).toBe(Buffer.from(bytes).toString('base64'));
			expect(base64ToBytes(text)).toEqual(bytes);
		}
		const big = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 31) & 255);
		expect(bytesToBase64(big)).toBe(Buffer.from(big).toString('base64'));
	});

	it('writes 32-bit numbers little-endian on every device', () => {
		expect(encodeUint32(Uint32Array.from([1, 0x01020304]))).toBe(Buffer.from([1, 0, 0, 0, 4, 3, 2, 1]).toString('base64'));
		const values = Uint32Array.from([0, 1, 65_536, 4_294_967_295]);
		expect(decodeUint32(encodeUint32(values))).toEqual(values);
	});

	it('refuses anything a careful encoder would not write', () => {
		for (const bad of ['Q', 'QQ', 'QQ=', 'Q===', 'QR==', 'QUJ=', 'QU JD', 'QUJD\n', '=QUJ', 'QU=D', 'QUJD====', 'Q✓JD']) {
			expect(base64ToBytes(bad), bad).toBeNull();
		}
		expect(decodeUint32('QUI=')).toBeNull(); // 2 bytes are not a whole 32-bit number
	});
});

describe('file names', () => {
	it('names the day, and the client in plain letters', () => {
		expect(backupFileName('2026-05-01')).toBe('somamap-backup-2026-05-01.json');
		expect(backupFileName('2026-05-01', 'Zoë O’Brien-Smith')).toBe('somamap-backup-zoe-o-brien-smith-2026-05-01.json');
		expect(backupFileName('2026-05-01', '../../<script>')).toBe('somamap-backup-script-2026-05-01.json');
		expect(backupFileName('2026-05-01', '李雷')).toBe('somamap-backup-client-2026-05-01.json');
	});
});

describe('merge rule', () => {
	it('adds what is new, replaces only with a later copy, keeps the rest', () => {
		expect(mergeAction({ updatedAt: 5 }, undefined)).toBe('add');
		expect(mergeAction({ updatedAt: 6 }, { updatedAt: 5 })).toBe('update');
		expect(mergeAction({ updatedAt: 5 }, { updatedAt: 5 })).toBe('same');
		expect(mergeAction({ updatedAt: 4 }, { updatedAt: 5 })).toBe('older');
	});
});
