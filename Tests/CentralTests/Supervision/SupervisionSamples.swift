@testable import CentralCore
import SyncCore

/// Made-up histories for the supervision checks: a vegetable market whose day 0 is 2026-11-02 (China Standard Time).
enum SupervisionSamples {
    static let node = "46010001"
    static let otherNode = "46010002"
    static let zhang = "OP-46010001-001"
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000
    /// 2026-11-02 00:00 China Standard Time.
    static let day0: Int64 = try! BusinessTime.parse("2026-11-02")

    /// The time `hours` hours into business day `index`.
    static func at(_ index: Int, hours: Double = 6) -> Int64 { day0 + Int64(index) * day + Int64(hours * Double(hour)) }

    static func kg(_ value: Double) -> Quantity { Quantity(units: Int64((value * 1_000).rounded())) }

    static func batch(
        _ code: String, received: Double, at time: Int64, operatorId: String = zhang, product: String = "200101",
        node: String = node, sales: [(Double, Int64)] = [], disposals: [(Double, Int64)] = []
    ) -> BatchMovements {
        BatchMovements(
            code: code, node: node, operatorId: operatorId, product: product, unit: "kg", received: kg(received),
            receivedAt: time,
            movements: sales.map { .init(.sale, kg($0.0), at: $0.1) } + disposals.map { .init(.disposal, kg($0.0), at: $0.1) }
        )
    }

    static func findings<Check: SupervisionCheck>(
        _ check: Check.Type, _ history: SupervisionHistory, settings: SupervisionSettings = SupervisionSettings()
    ) -> [Finding] {
        Check(settings: settings).findings(in: history)
    }
}

extension Finding {
    /// The evidence value named `name`.
    func value(_ name: String) -> String? { evidence.first { $0.name == name }?.value }
}
