/* Admin date fields, for a conference that happens on known days:
 * - an empty date field's calendar opens on the conference's month (data-initial-month on the
 *   input, "YYYY-MM"), not on today's;
 * - Django's note about the browser and the server being in different time zones is shown
 *   once per form, and never for a date-only field, which has no time to convert.
 * DateTimeShortcuts builds its calendars and notes on "load"; it is patched just before. */
"use strict";
document.addEventListener("DOMContentLoaded", function () {
    const shortcuts = window.DateTimeShortcuts;
    if (!shortcuts) {
        return;
    }
    const addWarning = shortcuts.addTimezoneWarning;
    shortcuts.addTimezoneWarning = function (input) {
        const hasTime = input.closest("p.datetime") !== null;
        const alreadySaid = document.querySelector("." + shortcuts.timezoneWarningClass);
        if (hasTime && !alreadySaid) {
            addWarning.call(shortcuts, input);
        }
    };
    const openCalendar = shortcuts.openCalendar;
    shortcuts.openCalendar = function (num) {
        const input = shortcuts.calendarInputs[num];
        const initial = /^(\d{4})-(\d{2})$/.exec(input.dataset.initialMonth || "");
        if (!input.value && initial) {
            shortcuts.calendars[num].drawDate(Number(initial[2]), Number(initial[1]));
        }
        openCalendar.call(shortcuts, num);
    };
});
