/*
 * Personal agenda: starred sessions are kept in this browser's localStorage only
 * (no cookie, nothing sent to the server). Without JavaScript the star buttons stay
 * hidden and the "My agenda" page explains that it needs JavaScript.
 */
(function () {
  "use strict";

  var KEY = "efus-conf:agenda";

  function load() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(value) ? value.filter(function (s) { return typeof s === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }

  function save(slugs) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(slugs));
      return true;
    } catch (error) {
      return false; // Private browsing or storage full: the star simply does not stick.
    }
  }

  function storageAvailable() {
    try {
      window.localStorage.setItem(KEY + ":test", "1");
      window.localStorage.removeItem(KEY + ":test");
      return true;
    } catch (error) {
      return false;
    }
  }

  function render() {
    var starred = load();
    document.querySelectorAll("[data-agenda-slug]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(starred.indexOf(button.dataset.agendaSlug) !== -1));
    });

    var page = document.querySelector("[data-agenda-page]");
    if (!page) {
      return;
    }
    var shown = [];
    page.querySelectorAll("[data-agenda-item]").forEach(function (item) {
      var isStarred = starred.indexOf(item.dataset.agendaItem) !== -1;
      item.hidden = !isStarred;
      if (isStarred) {
        shown.push(item.dataset.agendaItem);
      }
    });
    markClashes(page);
    page.querySelector("[data-agenda-empty]").hidden = shown.length > 0;
    page.querySelector("[data-agenda-actions]").hidden = shown.length === 0;
    var exportLink = page.querySelector("[data-agenda-export]");
    var url = new URL(exportLink.href, window.location.href);
    url.search = new URLSearchParams(shown.map(function (slug) { return ["s", slug]; })).toString();
    exportLink.href = url.toString();
  }

  // Starred sessions that overlap in time each name the others, in words, and the page
  // says that some do; the border colour only repeats it.
  function markClashes(page) {
    var all = Array.prototype.slice.call(page.querySelectorAll("[data-agenda-item]"));
    var starred = all.filter(function (item) { return !item.hidden; });
    function overlap(one, other) {
      return one !== other &&
        Date.parse(other.dataset.start) < Date.parse(one.dataset.end) &&
        Date.parse(other.dataset.end) > Date.parse(one.dataset.start);
    }
    var anyClash = false;
    all.forEach(function (item) {
      var others = item.hidden ? [] : starred.filter(function (other) {
        return overlap(item, other);
      }).map(function (other) {
        return other.querySelector(".agenda__what a").textContent.trim();
      });
      var clash = item.querySelector("[data-agenda-clash]");
      clash.querySelector("[data-agenda-clash-with]").textContent = others.join(", ");
      clash.hidden = others.length === 0;
      item.classList.toggle("agenda__item--clash", others.length > 0);
      anyClash = anyClash || others.length > 0;
    });
    page.querySelector("[data-agenda-clashes]").hidden = !anyClash;
  }

  function toggle(slug) {
    var starred = load();
    var index = starred.indexOf(slug);
    if (index === -1) {
      starred.push(slug);
    } else {
      starred.splice(index, 1);
    }
    save(starred);
    render();
  }

  if (!storageAvailable()) {
    return;
  }
  document.querySelectorAll("[data-agenda-slug]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      toggle(button.dataset.agendaSlug);
    });
  });
  // Another tab changed the agenda: show the same stars here.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) {
      render();
    }
  });
  render();
})();
