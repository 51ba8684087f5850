// Serves the production build (build/) on localhost: `npm start`, the e2e tests and the bench.
// Prerendered pages are files like build/plan.html served at /plan; hashed assets are cached
// forever; the service worker script never, so a new version is noticed at once.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.bin': 'application/octet-stream',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm'
};

/**
 * @param {{ dir?: string, port?: number, host?: string }} options
 * @returns {Promise<import('node:http').Server>}
 */
export function serve({ dir = 'build', port = 4173, host = '127.0.0.1' } = {}) {
	const server = createServer(handler(dir));
	return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

/**
 * The request handler serving `dir` (bench/compare.ts serves two builds from one port by host name).
 * @param {string} dir
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function handler(dir) {
	const root = resolve(dir);
	return (req, res) => {
		// Not `new URL(req.url, base)`: '//plan' would read as the host 'plan'.
		const raw = req.url ?? '/';
		const end = raw.search(/[?#]/);
		const pathname = end < 0 ? raw : raw.slice(0, end);
		// Pages are '/plan', never '/plan/' or '//plan': those are sent to the right address.
		const tidy = pathname.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
		if (tidy !== pathname) {
			res.writeHead(308, { location: tidy + (end < 0 ? '' : raw.slice(end)) });
			return res.end();
		}
		const path = decoded(pathname);
		if (path?.includes('..')) return send(res, 400, 'Bad request');
		const candidates = !path ? [] : path.endsWith('/') ? [join(path, 'index.html')] : [path, `${path}.html`, join(path, 'index.html')];
		const file = candidates.map((p) => join(root, p)).find((p) => existsSync(p) && statSync(p).isFile());
		if (!file) {
			const notFound = join(root, '404.html');
			return existsSync(notFound) ? stream(res, 404, notFound) : send(res, 404, 'Not found');
		}
		stream(res, 200, file);
	};
}

/** The file path of `pathname`, or null when it cannot be decoded ('/%ff': no such file). @param {string} pathname */
function decoded(pathname) {
	try {
		return normalize(decodeURIComponent(pathname));
	} catch {
		return null;
	}
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} text */
function send(res, status, text) {
	res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
	res.end(text);
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string} file */
function stream(res, status, file) {
	/** @type {Record<string, string>} */
	const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
	if (file.includes('/_app/immutable/')) headers['cache-control'] = 'public, max-age=31536000, immutable';
	else headers['cache-control'] = 'no-cache';
	if (file.endsWith('.html')) Object.assign(headers, securityHeaders(readFileSync(file, 'utf8')));
	res.writeHead(status, headers);
	createReadStream(file).pipe(res);
}

/**
 * A page's Content Security Policy as headers too: the one in its meta tag (with the hash of that
 * page's own bootstrap script), plus frame-ancestors, which only a header can carry: no other
 * site may show Somamap in a frame. Any host of the build should send the same.
 * @param {string} html
 * @returns {Record<string, string>}
 */
function securityHeaders(html) {
	const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
	const policy = meta ? `${meta.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&')}; ` : '';
	return {
		'content-security-policy': `${policy}frame-ancestors 'none'`,
		'x-frame-options': 'DENY',
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'no-referrer'
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const port = Number(process.env.PORT ?? 4173);
	const dir = process.argv[2] ?? 'build';
	if (!existsSync(join(dir, 'index.html'))) {
		console.error(`No build found in ${dir}/. Run "npm run build" first (or "npm start", which builds).`);
		process.exit(1);
	}
	await serve({ dir, port });
	console.log(`Somamap is running at http://localhost:${port}/  (Ctrl+C to stop)`);
}
