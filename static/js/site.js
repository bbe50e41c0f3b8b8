/* Progressive enhancement only: every page works without this file.
 *
 * Moves the focus to a form's error summary, so that keyboard and screen reader users start
 * from the list of what to correct (each item links to its field).
 *
 * Registers the service worker that keeps visited pages readable offline, then asks it to
 * save the current page, the files it uses, and the pages listed in data-offline-pages
 * (the homepage and the offline notice in this language; the programme once it exists).
 */
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();

(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !window.caches) {
    return;
  }
  var workerUrl = script.getAttribute("data-service-worker");
  var pages = (script.getAttribute("data-offline-pages") || "").split(/\s+/).filter(Boolean);

  function assetsOfThisPage() {
    var urls = [];
    document.querySelectorAll("link[rel~='stylesheet'], link[rel~='icon'], script[src], img[src]")
      .forEach(function (element) {
        var url = new URL(element.href || element.src, location.href);
        if (url.origin === location.origin && url.pathname.indexOf("/static/") === 0) {
          urls.push(url.pathname);
        }
      });
    return urls;
  }

  window.addEventListener("load", function () {
    navigator.serviceWorker.register(workerUrl, { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      registration.active.postMessage({
        type: "save",
        pages: pages.concat([location.pathname]),
        assets: assetsOfThisPage()
      });
    }).catch(function () {
      /* No service worker (private mode, old browser): the site simply stays online-only. */
    });
  });
})();
