/* Live preview of the admin's Markdown fields (valoa/admin_markdown.py): the text is rendered
   by the site's own Markdown rendering as the editor types. Without JavaScript the field is a
   plain textarea and the saved preview below the form still shows the result. */
(function () {
    "use strict";

    function csrfToken(form) {
        var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
        return input ? input.value : "";
    }

    function start(box) {
        var field = document.getElementById(box.dataset.for);
        var output = box.querySelector("[data-markdown-output]");
        if (!field || !output || !window.fetch) {
            return;
        }
        var timer = null;
        var latest = 0;

        function update() {
            var ticket = ++latest;
            var body = new URLSearchParams();
            body.set("teksti", field.value);
            body.set("otsikkotaso", box.dataset.topHeading);
            fetch(box.dataset.url, {
                method: "POST",
                body: body,
                credentials: "same-origin",
                headers: {"X-CSRFToken": csrfToken(field.form)}
            }).then(function (response) {
                if (!response.ok) {
                    throw new Error(String(response.status));
                }
                return response.text();
            }).then(function (html) {
                // Sanitised by the server (nh3), as the saved text is.
                if (ticket === latest) {
                    output.innerHTML = html;
                }
            }).catch(function () {
                // The saved preview still shows the result after saving.
            });
        }

        field.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(update, 400);
        });
        box.hidden = false;
        update();
    }

    // The admin loads form media in the page's head, before the fields exist.
    function startAll() {
        document.querySelectorAll("[data-markdown-preview]").forEach(start);
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", startAll);
    } else {
        startAll();
    }
}());
