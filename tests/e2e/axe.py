"""Run axe-core in a page and describe its violations readably."""

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# page.evaluate is not subject to the page's Content-Security-Policy, unlike an injected
# <script>, so axe runs even under a policy without 'unsafe-inline'.
RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.join(" "),
      summary: node.failureSummary,
    })),
  }));
}
"""


def axe_violations(page, axe_source):
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source)
    return page.evaluate(RUN_AXE, WCAG_TAGS)


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"  at {node['target']}")
            lines.extend(f"    {line}" for line in node["summary"].splitlines())
    return "\n".join(lines)
