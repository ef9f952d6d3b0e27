import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// The findings the filter selects, read beside the writer; refuses an unknown node.
    nonisolated func findings(_ filter: FindingFilter) async throws -> [FindingRecord] {
        try await read { reads in
            if let node = filter.node { _ = try reads.node(node) }
            return try reads.findings(filter)
        }
    }

    /// One finding by id, read beside the writer.
    nonisolated func finding(_ id: Int64) async throws -> FindingRecord {
        try await read { try $0.finding(id) }
    }

    /// Records an admin's follow-up of a finding.
    func followUp(_ id: Int64, _ followUp: FindingFollowUp, author: String) throws -> FindingRecord {
        try store.followUp(id, followUp, author: author)
    }

    /// The open findings counted by node, check and severity (the console overview), read beside the writer.
    nonisolated func openFindingCounts() async throws -> [OpenFindingCount] {
        try await read { try $0.openFindingCounts() }
    }

    /// Runs the checks for the nodes pushed to since the last run (the periodic service).
    func runPendingChecks() throws -> SupervisionRun {
        try store.runPendingChecks()
    }
}
