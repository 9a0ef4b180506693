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

// Inside WeChat's browser: the card shown when a page is shared to a chat or to Moments.
// base.html names the signing endpoint and the JS-SDK whenever WeChat is configured, for
// every visitor alike (the page may come from a shared cache); only WeChat's browser loads
// the SDK.
(function () {
    "use strict";
    var endpoint = document.querySelector("meta[name='wechat-jssdk']");
    if (!endpoint || !endpoint.dataset.sdk || !/MicroMessenger/i.test(navigator.userAgent)) {
        return;
    }
    function meta(property) {
        var tag = document.querySelector("meta[property='" + property + "']");
        return tag ? tag.getAttribute("content") : "";
    }
    function absolute(url) {
        // As the browser resolves and percent-encodes it, like the address it signs.
        if (!url) {
            return "";
        }
        var anchor = document.createElement("a");
        anchor.href = url;
        return anchor.href;
    }
    var pageUrl = window.location.href.split("#")[0];
    var data = document.body.dataset;
    var card = {
        title: data.shareTitle || meta("og:title") || document.title,
        desc: data.shareDesc || meta("og:description"),
        link: absolute(data.shareLink || meta("og:url") || pageUrl),
        imgUrl: absolute(data.shareImage || meta("og:image"))
    };
    function share() {
        if (!window.wx) {
            return;
        }
        var request = new XMLHttpRequest();
        request.open("GET", endpoint.getAttribute("content") + "?url=" + encodeURIComponent(pageUrl));
        request.responseType = "json";
        request.onload = function () {
            var config = request.response;
            if (request.status !== 200 || !config || !config.signature) {
                return;  // WeChat's default card (title and address) stays.
            }
            window.wx.config({
                appId: config.appId,
                timestamp: config.timestamp,
                nonceStr: config.nonceStr,
                signature: config.signature,
                jsApiList: ["updateAppMessageShareData", "updateTimelineShareData"]
            });
            window.wx.ready(function () {
                window.wx.updateAppMessageShareData(card);
                window.wx.updateTimelineShareData({title: card.title, link: card.link, imgUrl: card.imgUrl});
            });
        };
        request.send();
    }
    // A file of our own, not inline code, so that a CSP of script-src 'self' lets it run.
    var sdk = document.createElement("script");
    sdk.src = endpoint.dataset.sdk;
    sdk.addEventListener("load", share);
    document.head.appendChild(sdk);
})();
