// Booking pages: ask before cancelling or withdrawing, and send a form only once (a second
// tap in a slow WeChat browser would only repeat what the submission key already makes safe).
document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (event) => {
        if (!window.confirm(form.dataset.confirm)) {
            event.preventDefault();
        }
    });
});

document.querySelectorAll("form[data-submit-once]").forEach((form) => {
    form.addEventListener("submit", (event) => {
        if (form.dataset.sent) {
            event.preventDefault();
            return;
        }
        form.dataset.sent = "true";
        // Disabled after the browser has read the pressed button's name and value.
        window.setTimeout(() => {
            form.querySelectorAll("button[type=submit]").forEach((button) => {
                button.disabled = true;
            });
        }, 0);
    });
});
