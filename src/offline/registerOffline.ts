/**
 * Registers the service worker (production builds only) once the title is up, and offers a new
 * version when one has been deployed: a visible bar with a Reload button, never a forced reload.
 */
export function registerOffline(scriptUrl: string): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(scriptUrl).then(
    (registration) => {
      const offer = (worker: ServiceWorker) => showUpdateBar(() => worker.postMessage('activate-new-version'));
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const incoming = registration.installing;
        incoming?.addEventListener('statechange', () => {
          // With no controller this is the first install, not an update: nothing to offer.
          if (incoming.state === 'installed' && navigator.serviceWorker.controller) offer(incoming);
        });
      });
      let reloading = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (reloading || !document.body.dataset.updateAccepted) return;
        reloading = true;
        window.location.reload();
      });
    },
    (error: unknown) => console.warn('Source Check: offline play is not available here', error),
  );
}

function showUpdateBar(accept: () => void): void {
  if (document.getElementById('update-bar')) return;
  const bar = document.createElement('div');
  bar.id = 'update-bar';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'A new version of Source Check is ready.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    document.body.dataset.updateAccepted = 'true';
    accept();
  });
  bar.append(text, button);
  document.body.append(bar);
}
