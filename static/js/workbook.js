// The workbook's progressive enhancements; every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
    // A print button on the summary.
    document.querySelectorAll("[data-print]").forEach((button) => {
        button.hidden = false;
        button.addEventListener("click", () => window.print());
    });

    // Moving to another step saves what was typed: the step links submit the form as a draft.
    const form = document.querySelector("form[data-save-form]");
    if (form) {
        let changed = false;
        form.addEventListener("input", () => { changed = true; });
        form.addEventListener("change", () => { changed = true; });
        document.querySelectorAll(`a[data-save-form="${form.id}"]`).forEach((link) => {
            link.addEventListener("click", (event) => {
                if (!changed) {
                    return;
                }
                event.preventDefault();
                const target = document.createElement("input");
                target.type = "hidden";
                target.name = "siirry";
                target.value = link.dataset.step;
                form.appendChild(target);
                form.submit();
            });
        });
    }
});
