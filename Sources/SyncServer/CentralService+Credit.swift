import SyncCore
import CentralCore
import CentralSQLite

/// Operator credit: read beside the writer (`CreditReader`), over the last 365 days up to the server's clock; the
/// province's setting written by the writer.
extension CentralService {
    /// The credit window ending now.
    nonisolated var creditWindow: CreditWindow { CreditWindow(now: clock()) }

    /// The credit of operator `id`.
    nonisolated func operatorCredit(_ id: String) async throws -> OperatorCredit {
        let window = creditWindow
        return try await read { try $0.operatorCredit(id, window: window) }
    }

    /// A node's operators' credit, worst first, with the public-grade setting; refuses an unknown node.
    nonisolated func creditListing(node: String) async throws -> CreditListing {
        let window = creditWindow
        return try await read { store in
            CreditListing(node: node, window: window, publicGrade: try store.creditSettings().publicGrade,
                          operators: try store.operatorCredits(node: node, window: window))
        }
    }

    /// The province's credit settings.
    nonisolated func creditSettings() async throws -> CreditSettings {
        try await read { try $0.creditSettings() }
    }

    /// The grade the public page shows for the seller of `code`; nil when the province does not show grades.
    nonisolated func publicCreditGrade(_ code: String) async throws -> CreditGrade? {
        let window = creditWindow
        return try await read { try $0.publicCreditGrade(code: code, window: window) }
    }

    /// Switches the public grade on or off.
    func setCreditSettings(_ settings: CreditSettings) throws -> CreditSettings {
        try store.setCreditSettings(settings)
    }
}
