public import SyncCore

/// Special-equipment units as admins list them and the public page shows them.
///
/// Guarantees those of every read port (`CentralReads`): a unit's events, and a listing's units, come from one
/// snapshot.
public protocol EquipmentReader {
    /// The units the filter selects.
    func equipmentUnits(_ filter: EquipmentFilter) throws -> [EquipmentUnit]

    /// One unit by its 特种设备代码 as of business day `asOf` (today when nil); nil when the store holds none of its
    /// events.
    func equipmentUnit(_ code: String, asOf: String?) throws -> EquipmentUnit?

    /// Every event recorded for unit `code`, in the order they happened.
    func equipmentEvents(_ code: String) throws -> [RecordedEvent]

    /// How many units of each node are overdue for inspection on `asOf` (today when nil).
    func overdueEquipmentCounts(asOf: String?) throws -> [String: Int]
}
