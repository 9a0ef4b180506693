// Keep the current section visible in the horizontally scrolling menu on narrow screens.
(function () {
    "use strict";
    var list = document.querySelector(".main-nav-list");
    if (!list || list.scrollWidth <= list.clientWidth) {
        return;
    }
    var current = list.querySelector("[aria-current='page'], .is-active");
    if (current && current.parentElement.previousElementSibling) {
        list.scrollLeft = current.parentElement.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
    }
})();
