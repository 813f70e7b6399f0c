"""axe-core in Playwright pages: fail a test on serious or critical accessibility violations.

The script is vendored (tests/tooling/vendor/axe-core/, see its README), so nothing is
fetched at test time.
"""

from __future__ import annotations

from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("serious", "critical")


def run_axe(page, *, context=None, options=None) -> dict:
    """Inject axe-core into ``page`` (once) and return the results of ``axe.run``."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not as a <script> tag: the site's Content-Security-
        # Policy allows no inline script, and a test tool must not need an exception in it.
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8") + "\n;undefined")
    return page.evaluate(
        "async ([context, options]) => await axe.run(context || document, options || {})",
        [context, options or {"resultTypes": ["violations"]}],
    )


def serious_violations(results: dict, impacts=FAILING_IMPACTS) -> list[dict]:
    return [violation for violation in results["violations"] if violation.get("impact") in impacts]


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node.get('failureSummary', '').strip()}")
    return "\n".join(lines)


def assert_no_serious_axe_violations(page, *, context=None, options=None) -> dict:
    """Fail listing rule id, impact, help and target of every serious or critical violation.

    Returns axe's results so a test can look further (minor and moderate ones, passes).
    """
    results = run_axe(page, context=context, options=options)
    violations = serious_violations(results)
    if violations:
        raise AssertionError(
            f"axe-core {results.get('testEngine', {}).get('version', '')} found serious or critical "
            f"accessibility violations on {page.url}:\n{format_violations(violations)}"
        )
    return results
