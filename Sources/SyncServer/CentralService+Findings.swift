import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// The findings the filter selects; refuses an unknown node.
    func findings(_ filter: FindingFilter) throws -> [FindingRecord] {
        if let node = filter.node { _ = try store.node(node) }
        return try store.findings(filter)
    }

    /// One finding by id.
    func finding(_ id: Int64) throws -> FindingRecord {
        try store.finding(id)
    }

    /// Records an admin's follow-up of a finding.
    func followUp(_ id: Int64, _ followUp: FindingFollowUp, author: String) throws -> FindingRecord {
        try store.followUp(id, followUp, author: author)
    }

    /// The open findings counted by node, check and severity (the console overview).
    func openFindingCounts() throws -> [OpenFindingCount] {
        try store.openFindingCounts()
    }

    /// Runs the checks for the nodes pushed to since the last run (the periodic service).
    func runPendingChecks() throws -> SupervisionRun {
        try store.runPendingChecks()
    }
}
