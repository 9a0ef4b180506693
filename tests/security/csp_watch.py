"""Watching a Chromium page for what its Content-Security-Policy refused: Chromium's console
message for each refusal and the page's ``securitypolicyviolation`` events."""

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
    window.__cspViolations.push(
        event.effectiveDirective + " refused " + (event.blockedURI || "inline")
        + " in " + event.documentURI
    );
});
"""


def watch(page) -> list[str]:
    """Start watching ``page``: the list that its console's refusals go into."""
    console = []
    page.add_init_script(RECORD_VIOLATIONS)

    def on_console(message):
        if "Content Security Policy" in message.text:
            console.append(f"{message.text} ({page.url})")

    page.on("console", on_console)
    return console


def refusals(page, console: list[str]) -> list[str]:
    """What was refused since the last call: the console's reports (taken out of
    ``console``) and the violation events of the document now shown and its frames."""
    found = console[:] + [
        event for frame in page.frames for event in frame.evaluate("window.__cspViolations || []")
    ]
    console.clear()
    return found
