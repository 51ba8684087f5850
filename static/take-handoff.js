// Runs before the app starts: a hand-off link's plan data (/import#h=…) leaves the address bar
// and this history entry at once, before the router, a lock screen or anything else, and waits
// in memory for the import page (src/routes/import). A plain file so the CSP's 'self' allows it.
(function () {
	if (!location.hash || !/\/import\/?$/.test(location.pathname)) return;
	window.somamapHandOff = location.hash;
	history.replaceState(history.state, '', location.pathname + location.search);
})();
