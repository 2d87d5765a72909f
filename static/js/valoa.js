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

document.addEventListener("DOMContentLoaded", () => {
    // Copy buttons beside links: shown only when the browser can copy.
    document.querySelectorAll("[data-copy]").forEach((button) => {
        const input = document.getElementById(button.dataset.copy);
        const status = document.querySelector(`[data-copy-status="${button.dataset.copy}"]`);
        if (!input) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", async () => {
            let copied = false;
            try {
                await navigator.clipboard.writeText(input.value);
                copied = true;
            } catch (error) {
                input.select();
                copied = document.execCommand && document.execCommand("copy");
            }
            if (status) {
                // The texts come translated from the page.
                status.textContent = copied ? button.dataset.copied : button.dataset.copyFailed;
            }
        });
    });
});
