import SyncCore
import CentralCore

/// The overview's counts of the supervision checks' open findings, over the nodes an admin may see: one tile, and
/// the counts by severity and by check, each linked to the queue filtered to it.
struct ConsoleOverviewFindings {
    /// Severity → open findings, only the severities that have some.
    let bySeverity: [FindingSeverity: Int]
    /// Check id → open findings, only the checks that have some.
    let byCheck: [String: Int]

    /// The counts of `counts` whose node `mayAccess` allows.
    init(_ counts: [OpenFindingCount], mayAccess: (String) -> Bool) {
        let visible = counts.filter { mayAccess($0.node) }
        bySeverity = visible.reduce(into: [:]) { $0[$1.severity, default: 0] += $1.count }
        byCheck = visible.reduce(into: [:]) { $0[$1.check, default: 0] += $1.count }
    }

    /// All open findings.
    var total: Int { bySeverity.values.reduce(0, +) }

    /// The two tables: by severity (the most severe first), then by check (in the README's order).
    var tables: String {
        var html = "<h2>\(ConsolePage.t("待跟进的核查发现", "Open findings"))</h2>"
        guard total > 0 else { return html + "<p>\(ConsolePage.t("没有待跟进的核查发现。", "No open findings."))</p>" }
        html += "<div class=\"grid\" id=\"open-findings\"><div>"
        html += ConsolePage.table(
            [ConsolePage.t("严重程度", "Severity"), ConsolePage.t("数量", "Count")],
            FindingSeverity.allCases.compactMap { severity in
                bySeverity[severity].map { ["<a href=\"/console/findings?status=open&amp;severity=\(severity.rawValue)\">\(ConsolePage.t(severity.label))</a>", String($0)] }
            }
        )
        html += "</div><div>"
        let known = SupervisionChecks.ids
        let checks = known.filter { byCheck[$0] != nil } + byCheck.keys.filter { !known.contains($0) }.sorted()
        html += ConsolePage.table(
            [ConsolePage.t("核查", "Check"), ConsolePage.t("数量", "Count")],
            checks.map { check in
                ["<a href=\"/console/findings?status=open&amp;check=\(HTMLPage.escape(check))\">\(ConsolePage.t(SupervisionChecks.label(of: check)))</a>", String(byCheck[check] ?? 0)]
            }
        )
        return html + "</div></div>"
    }
}
