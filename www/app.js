// The demo page: the component, the query kept in the address, and a note
// of the chosen result (the seed documents have no url to follow).
const box = document.querySelector('quarry-search');
const selected = document.getElementById('selected');

box.addEventListener('quarry-ready', () => {
  const q = new URL(location.href).searchParams.get('q');
  if (q) box.value = q;
  document.body.dataset.ready = 'true';
});
box.addEventListener('quarry-results', (e) => {
  const url = new URL(location.href);
  if (e.detail.query) url.searchParams.set('q', e.detail.query); else url.searchParams.delete('q');
  try { history.replaceState(null, '', url); } catch { /* file:// pages may refuse; the search still works */ }
});

// Offline after one visit: a service worker keeps the page and the module.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('sw.js').catch(() => {});
}
box.addEventListener('quarry-select', (e) => {
  if (!e.detail.url) {
    e.preventDefault();
    selected.textContent = `Selected: ${e.detail.title}`;
  }
});
