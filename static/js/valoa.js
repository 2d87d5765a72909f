// Progressive enhancement only: every page works without this file.
"use strict";

// After a failed submit, take keyboard and screen reader focus to the error summary.
// On "load", not earlier: scrolling to the URL's #fragment would otherwise reset the focus.
window.addEventListener("load", () => {
    const summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
});
