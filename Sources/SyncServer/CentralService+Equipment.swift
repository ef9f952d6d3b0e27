import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// The special-equipment units the filter selects, read beside the writer; refuses an unknown node.
    nonisolated func equipmentUnits(_ filter: EquipmentFilter) async throws -> [EquipmentUnit] {
        try await read { reads in
            if let node = filter.node { _ = try reads.node(node) }
            return try reads.equipmentUnits(filter)
        }
    }

    /// One unit by its 特种设备代码, today; nil when the store holds none of its events.
    nonisolated func equipmentUnit(_ code: String) async throws -> EquipmentUnit? {
        try await read { try $0.equipmentUnit(code, asOf: nil) }
    }

    /// How many units of each node are overdue today, for the console's overview.
    nonisolated func overdueEquipmentCounts() async throws -> [String: Int] {
        try await read { try $0.overdueEquipmentCounts(asOf: nil) }
    }
}

extension CentralService {
    /// The public view of unit `code` today, when `code` is a well-formed 特种设备代码 whose events the store
    /// holds; nil otherwise (the page then treats it as a trace code).
    nonisolated func publicEquipment(_ code: String) async throws -> EquipmentPublicView? {
        guard let checked = try? SpecialEquipmentCode.validate(code), checked == code else { return nil }
        let events = try await read { try $0.equipmentEvents(code) }
        guard !events.isEmpty else { return nil }
        return EquipmentPublicView(code: code, events: events, asOf: BusinessTime.dayOf(clock()))
    }
}
