/** Saves text as a file on this device through a temporary Blob URL (never the network). */
export function download(parts: string[], fileName: string, type = 'application/json'): void {
	const url = URL.createObjectURL(new Blob(parts, { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	// The browser has taken the file by the next minute; the URL would otherwise hold the memory.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
