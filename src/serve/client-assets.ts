/** Where serve's own files live; no site path can start with this (pages are under articles/, tags/, page/). */
export const SERVE_PREFIX = '/__healthmd/';
export const EVENTS_URL = `${SERVE_PREFIX}events`;
export const OVERLAY_STYLESHEET_URL = `${SERVE_PREFIX}overlay.css`;

/**
 * Reloads the page when the server says it changed, and makes the findings panel dismissible
 * (button or Escape; the choice is remembered for the tab until the findings change). The page's
 * version goes with the subscription so a change made while the page was loading is not missed,
 * and so does the run of serve that made it, so pages reload when serve is started again.
 */
export const CLIENT_SCRIPT = `(() => {
  const data = (document.currentScript && document.currentScript.dataset) || {};
  const query = '?path=' + encodeURIComponent(location.pathname) + '&version=' + encodeURIComponent(data.version || '0') + '&instance=' + encodeURIComponent(data.instance || '');
  // EventSource reconnects by itself (every second, see retry:), also to a restarted server.
  const events = new EventSource('${EVENTS_URL}' + query);
  events.addEventListener('reload', () => {
    events.close();
    location.reload();
  });
  const panel = document.getElementById('healthmd-overlay');
  const reopen = document.getElementById('healthmd-overlay-reopen');
  if (!panel || !reopen) return;
  const close = panel.querySelector('.healthmd-overlay__close');
  const open = reopen.querySelector('button');
  const key = 'healthmd-dismissed:' + location.pathname;
  const recall = () => {
    try { return sessionStorage.getItem(key); } catch { return null; }
  };
  const remember = (value) => {
    try { if (value) sessionStorage.setItem(key, value); else sessionStorage.removeItem(key); } catch {}
  };
  const show = (visible) => {
    panel.hidden = !visible;
    reopen.hidden = visible;
  };
  if (recall() === panel.dataset.signature) show(false);
  close.addEventListener('click', () => {
    const hadFocus = panel.contains(document.activeElement);
    remember(panel.dataset.signature);
    show(false);
    if (hadFocus) open.focus();
  });
  open.addEventListener('click', () => {
    remember(null);
    show(true);
    panel.focus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) close.click();
  });
})();`;

// Colours are fixed, not the theme's: the panel must stay readable (WCAG AA) on any theme.
export const OVERLAY_CSS = `.healthmd-overlay {
  position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483647;
  box-sizing: border-box; width: min(38rem, calc(100vw - 2rem)); max-height: min(60vh, 40rem); overflow: auto;
  margin: 0; padding: 0; background: #ffffff; color: #1a1a1a;
  border: 2px solid #1a1a1a; border-radius: 8px; box-shadow: 0 8px 28px rgba(0, 0, 0, 0.35);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; text-align: left;
}
.healthmd-overlay:focus { outline: 3px solid #ffbf47; outline-offset: 2px; }
.healthmd-overlay[hidden], .healthmd-overlay-reopen[hidden] { display: none; }
.healthmd-overlay__head {
  position: sticky; top: 0; display: flex; align-items: center; justify-content: space-between; gap: 1rem;
  padding: 0.6rem 0.75rem 0.6rem 1rem; background: #1a1a1a; color: #ffffff;
}
.healthmd-overlay__title { margin: 0; font: inherit; font-weight: 700; color: #ffffff; }
.healthmd-overlay__close, .healthmd-overlay-reopen button {
  min-width: 2.75rem; min-height: 2.75rem; margin: 0; padding: 0.25rem 0.75rem; cursor: pointer;
  font: inherit; font-weight: 700; border-radius: 6px;
}
.healthmd-overlay__close { flex: none; white-space: nowrap; background: #1a1a1a; color: #ffffff; border: 2px solid #ffffff; }
.healthmd-overlay__close:focus-visible, .healthmd-overlay-reopen button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.healthmd-overlay__list { list-style: none; margin: 0; padding: 0; }
.healthmd-finding { margin: 0; padding: 0.6rem 1rem; border-top: 1px solid #c9d1d9; border-left: 6px solid #b3261e; }
.healthmd-finding--warning { border-left-color: #7a4f00; }
.healthmd-finding__severity { font-weight: 700; color: #b3261e; }
.healthmd-finding--warning .healthmd-finding__severity { color: #7a4f00; }
.healthmd-finding__rule, .healthmd-finding__place {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.875em;
  color: #1a1a1a; background: #eef1f4; padding: 0 0.3em; border-radius: 3px; overflow-wrap: anywhere;
}
.healthmd-finding__message { display: block; margin-top: 0.2rem; color: #1a1a1a; }
.healthmd-overlay-reopen { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483647; margin: 0; }
.healthmd-overlay-reopen button { background: #1a1a1a; color: #ffffff; border: 2px solid #ffffff; box-shadow: 0 4px 14px rgba(0, 0, 0, 0.35); }
@media print { .healthmd-overlay, .healthmd-overlay-reopen { display: none !important; } }
`;
