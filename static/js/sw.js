/* Service worker of the conference site, served at /sw.js (see efus_conf.views.service_worker).
 *
 * - Pages under /<lang>/ (programme, speakers, sessions, the homepage…): network first; each
 *   page fetched is saved, and shown from the cache when the network is gone. A page never
 *   saved falls back to the offline notice of its language (/<lang>/offline/).
 * - /static/ files have content-hashed names, so the cached copy is always right: cache first.
 * - The admin, the newsletter and anything but GET are never cached.
 */
"use strict";

var PAGES = "efus-pages-v1";
var STATIC = "efus-static-v1";
var LANGUAGE_PAGE = /^\/([a-z]{2}(?:-[a-z]+)?)\//;
var NEVER = [/^\/admin\//, /^\/[a-z]{2}(?:-[a-z]+)?\/newsletter\//];

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name !== PAGES && name !== STATIC;
      }).map(function (name) {
        return caches.delete(name);
      }));
    }).then(function () {
      return self.clients.claim();
    })
  );
});

function cacheable(response) {
  return response && response.ok && response.type === "basic";
}

function save(cacheName, url) {
  return fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (cacheable(response)) {
      return caches.open(cacheName).then(function (cache) {
        return cache.put(url, response);
      });
    }
  }).catch(function () {
    /* Offline or gone: keep whatever copy was saved before. */
  });
}

/* Visiting a page refreshes its copy anyway; listed pages are fetched again at most hourly. */
var REFRESH_AFTER_MS = 60 * 60 * 1000;

function isFresh(response) {
  var date = response && Date.parse(response.headers.get("Date"));
  return Boolean(date) && Date.now() - date < REFRESH_AFTER_MS;
}

/* A page asks to save itself, its files and the pages listed for its language. */
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "save") {
    return;
  }
  var pages = (data.pages || []).filter(function (path) {
    return LANGUAGE_PAGE.test(path) && !NEVER.some(function (rule) { return rule.test(path); });
  });
  var assets = (data.assets || []).filter(function (path) {
    return path.indexOf("/static/") === 0;
  });
  event.waitUntil(Promise.all(
    pages.map(function (path) {
      return caches.match(path, { cacheName: PAGES }).then(function (hit) {
        return isFresh(hit) || save(PAGES, path);
      });
    }).concat(
      assets.map(function (path) {
        return caches.match(path).then(function (hit) { return hit || save(STATIC, path); });
      })
    )
  ));
});

function networkFirst(request, url) {
  var key = url.pathname + url.search;
  return fetch(request).then(function (response) {
    if (cacheable(response)) {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) { cache.put(key, copy); });
    }
    return response;
  }).catch(function () {
    var language = LANGUAGE_PAGE.exec(url.pathname)[1];
    /* The exact page, else the same page unfiltered, else the offline notice. */
    var candidates = [key, url.pathname, "/" + language + "/offline/"];
    return candidates.reduce(function (found, candidate) {
      return found.then(function (hit) {
        return hit || caches.match(candidate, { cacheName: PAGES });
      });
    }, Promise.resolve(undefined)).then(function (hit) {
      return hit || Response.error();
    });
  });
}

function cacheFirst(request) {
  return caches.match(request, { cacheName: STATIC }).then(function (hit) {
    return hit || fetch(request).then(function (response) {
      if (cacheable(response)) {
        var copy = response.clone();
        caches.open(STATIC).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (NEVER.some(function (rule) { return rule.test(url.pathname); })) {
    return;
  }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate" && LANGUAGE_PAGE.test(url.pathname)) {
    event.respondWith(networkFirst(request, url));
  }
});
