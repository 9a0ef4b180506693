// Door check-in: read a booking's QR code with the phone's camera. What the camera reads
// goes into the code box and the box is sent, so the server finds the booking exactly as
// for a typed code. Without a camera (or without JavaScript) staff type the code.
(() => {
    const SCAN_INTERVAL_MS = 150;
    const MAX_SIDE = 640; // jsQR works on a downscaled frame: fast enough on older phones

    document.querySelectorAll(".checkin-venue-form select").forEach((select) => {
        select.addEventListener("change", () => select.form.submit());
    });

    const scanner = document.querySelector("[data-checkin-scanner]");
    const form = document.querySelector("[data-checkin-code-form]");
    const media = navigator.mediaDevices;
    if (!scanner || !form || !media || !media.getUserMedia) {
        return;
    }
    const video = scanner.querySelector("[data-scan-video]");
    const view = scanner.querySelector("[data-scan-view]");
    const status = scanner.querySelector("[data-scan-status]");
    const startButton = scanner.querySelector("[data-scan-start]");
    const stopButton = scanner.querySelector("[data-scan-stop]");
    const text = scanner.dataset;
    let stream = null;

    const say = (message) => {
        status.textContent = message || "";
    };

    const loadScript = (src) =>
        new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = src;
            script.addEventListener("load", resolve);
            script.addEventListener("error", reject);
            document.head.append(script);
        });

    // The browser's own decoder (Chrome on Android, Safari 17+), when it reads QR codes.
    async function nativeReader() {
        if (!("BarcodeDetector" in window)) {
            return null;
        }
        try {
            const formats = await window.BarcodeDetector.getSupportedFormats();
            if (!formats.includes("qr_code")) {
                return null;
            }
        } catch {
            return null;
        }
        const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
        return async () => {
            const codes = await detector.detect(video);
            return codes.length ? codes[0].rawValue : "";
        };
    }

    // Else the vendored jsQR, loaded only when needed.
    async function jsqrReader() {
        if (!window.jsQR) {
            await loadScript(text.jsqrSrc);
        }
        const canvas = document.createElement("canvas");
        const context = canvas.getContext("2d", { willReadFrequently: true });
        return async () => {
            const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
            canvas.width = Math.round(video.videoWidth * scale);
            canvas.height = Math.round(video.videoHeight * scale);
            context.drawImage(video, 0, 0, canvas.width, canvas.height);
            const image = context.getImageData(0, 0, canvas.width, canvas.height);
            const found = window.jsQR(image.data, image.width, image.height, {
                inversionAttempts: "dontInvert",
            });
            return found ? found.data : "";
        };
    }

    function stop() {
        if (stream) {
            stream.getTracks().forEach((track) => track.stop());
        }
        stream = null;
        video.srcObject = null;
        view.hidden = true;
        startButton.hidden = false;
    }

    const pause = () => new Promise((resolve) => setTimeout(resolve, SCAN_INTERVAL_MS));

    async function watch(read) {
        while (stream) {
            if (video.readyState >= video.HAVE_ENOUGH_DATA) {
                const found = await read().catch(() => "");
                if (found && stream) {
                    stop();
                    say(text.msgFound);
                    form.elements.code.value = found.trim();
                    form.submit();
                    return;
                }
            }
            await pause();
        }
    }

    async function start() {
        say(text.msgStarting);
        try {
            stream = await media.getUserMedia({
                video: { facingMode: "environment" },
                audio: false,
            });
        } catch (error) {
            say(error.name === "NotAllowedError" ? text.msgDenied : text.msgFailed);
            return;
        }
        video.srcObject = stream;
        view.hidden = false;
        startButton.hidden = true;
        try {
            await video.play();
            const read = (await nativeReader()) || (await jsqrReader());
            say(text.msgLooking);
            watch(read);
        } catch {
            stop();
            say(text.msgFailed);
        }
    }

    scanner.hidden = false;
    startButton.addEventListener("click", start);
    stopButton.addEventListener("click", () => {
        stop();
        say("");
    });
    window.addEventListener("pagehide", stop);
})();
