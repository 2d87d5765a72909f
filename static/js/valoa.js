// Progressive enhancement only: every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
    // After a failed submit, take keyboard and screen reader focus to the error summary.
    const summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
    }
});
