// The answering page: progress, answers kept in this browser if the page reloads, the
// countdown from the server's deadline, and a confirmation before handing in a paper with
// questions left unanswered. Without JavaScript the form posts the same fields; the server
// asks for the confirmation and enforces the time limit itself.
(function () {
    "use strict";

    var PREFIX = "quiz-answers-";

    function storage() {
        try {
            return window.localStorage;
        } catch (error) {
            return null;  // Private modes may refuse storage: answers simply are not kept.
        }
    }

    // The result page: the paper is handed in, its saved answers are no longer needed.
    var done = document.querySelector("[data-quiz-clear]");
    if (done && storage()) {
        storage().removeItem(PREFIX + done.dataset.quizClear);
    }

    var form = document.querySelector("form[data-quiz-attempt]");
    if (!form) {
        return;
    }
    var key = PREFIX + form.dataset.quizAttempt;
    var questions = Array.prototype.slice.call(form.querySelectorAll("[data-quiz-question]"));
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[type=radio], input[type=checkbox]"));
    var confirmField = form.querySelector("[data-quiz-confirm]");

    function chosen() {
        var answers = {};
        inputs.forEach(function (input) {
            if (input.checked) {
                (answers[input.name] = answers[input.name] || []).push(input.value);
            }
        });
        return answers;
    }

    function unansweredCount() {
        return questions.filter(function (question) {
            return !question.querySelector("input:checked");
        }).length;
    }

    function showProgress() {
        var answered = questions.length - unansweredCount();
        var count = document.querySelector("[data-quiz-answered]");
        var bar = document.querySelector("[data-quiz-progress]");
        if (count) {
            count.textContent = answered;
        }
        if (bar) {
            bar.value = answered;
        }
        inputs.forEach(function (input) {
            input.closest("label").classList.toggle("is-chosen", input.checked);
        });
    }

    function save() {
        var store = storage();
        if (store) {
            try {
                store.setItem(key, JSON.stringify(chosen()));
            } catch (error) {
                // A full storage only means the answers are not kept across a reload.
            }
        }
    }

    function restore() {
        var store = storage();
        var saved = null;
        if (!store || inputs.some(function (input) { return input.checked; })) {
            return;  // Answers the server sent back (a confirmation step) win.
        }
        try {
            saved = JSON.parse(store.getItem(key) || "null");
        } catch (error) {
            saved = null;
        }
        if (!saved || typeof saved !== "object") {
            return;
        }
        inputs.forEach(function (input) {
            var values = saved[input.name];
            input.checked = Array.isArray(values) && values.indexOf(input.value) !== -1;
        });
    }

    restore();
    showProgress();
    form.addEventListener("change", function () {
        save();
        showProgress();
    });

    var submitting = false;
    form.addEventListener("submit", function (event) {
        if (submitting) {
            event.preventDefault();
            return;
        }
        var left = unansweredCount();
        if (left && confirmField.value !== "1") {
            var message = form.dataset.confirmMessage.replace("{count}", left);
            if (!window.confirm(message)) {
                event.preventDefault();
                return;
            }
            confirmField.value = "1";
        }
        submitting = true;
    });

    // The countdown counts the seconds the server said were left, so a wrong clock on the
    // phone changes nothing; at zero the paper is handed in as it is.
    var remaining = document.querySelector("[data-quiz-remaining]");
    if (!remaining) {
        return;
    }
    var timer = remaining.closest("[data-quiz-timer]");
    var endsAt = Date.now() + parseInt(remaining.dataset.quizRemaining, 10) * 1000;

    function pad(number) {
        return (number < 10 ? "0" : "") + number;
    }

    function tick() {
        var seconds = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
        var hours = Math.floor(seconds / 3600);
        var minutes = Math.floor((seconds % 3600) / 60);
        remaining.textContent = (hours ? hours + ":" + pad(minutes) : pad(minutes)) + ":" + pad(seconds % 60);
        timer.classList.toggle("is-urgent", seconds <= 60);
        if (seconds === 0) {
            window.clearInterval(interval);
            if (!submitting) {
                submitting = true;
                confirmField.value = "1";
                form.submit();
            }
        }
    }

    var interval = window.setInterval(tick, 1000);
    tick();
})();
