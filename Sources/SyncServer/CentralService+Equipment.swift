import SyncCore
import CentralCore
import CentralSQLite

extension CentralService {
    /// The special-equipment units the filter selects (read on the writer, as the findings are); refuses an
    /// unknown node.
    func equipmentUnits(_ filter: EquipmentFilter) throws -> [EquipmentUnit] {
        if let node = filter.node { _ = try store.node(node) }
        return try store.equipmentUnits(filter)
    }

    /// One unit by its 特种设备代码, today; nil when the store holds none of its events.
    func equipmentUnit(_ code: String) throws -> EquipmentUnit? {
        try store.equipmentUnit(code)
    }

    /// How many units of each node are overdue today, for the console's overview.
    func overdueEquipmentCounts() throws -> [String: Int] {
        try store.overdueEquipmentCounts()
    }
}

extension CentralService {
    /// The public view of unit `code` today, when `code` is a well-formed 特种设备代码 whose events the store
    /// holds; nil otherwise (the page then treats it as a trace code).
    func publicEquipment(_ code: String) throws -> EquipmentPublicView? {
        guard let checked = try? SpecialEquipmentCode.validate(code), checked == code else { return nil }
        let events = try store.equipmentEvents(code)
        guard !events.isEmpty else { return nil }
        return EquipmentPublicView(code: code, events: events, asOf: BusinessTime.dayOf(clock()))
    }
}
