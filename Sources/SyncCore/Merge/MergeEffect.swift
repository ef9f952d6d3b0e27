/// What merging one entry changes in the store besides the entry itself, as a value the writer applies
/// (DESIGN.md §6: decide, then write). Every decided entry is stored with its verdict and logged for pull, and an
/// applied one stores its event; the effects are the rest.
public enum MergeEffect: Hashable, Sendable {
    /// Trace code `code` now names batch `batch` (its receipt) or a sale from it.
    case linkCode(TraceCode, batch: TraceCode, eventId: String, kind: TraceLinkKind)
    /// A receipt carries a quarantine certificate.
    case recordCertificate(String, eventId: String, operatorId: String)
    /// The event waits for batch `batch`'s receipt.
    case holdOrphan(eventId: String, batch: TraceCode)
    /// Batch `batch`'s receipt arrived: the events held for it join it.
    case releaseOrphans(batch: TraceCode)
    /// An orphan waited past the timeout and is flagged (its conflict is a `conflict` effect before this one).
    case flagOrphan(eventId: String)
    /// An operator registered from a device; an alias of `aliasOf` when its credit code was registered already.
    case registerOperator(Operator, eventId: String, aliasOf: String?)
    /// A conflict opened or grown, logged for the devices of its node.
    case conflict(ConflictChange)
    /// A batch's derived state after the entry; the writer keeps the last one of each batch in a push.
    case saveBatch(BatchState)
    /// Event `eventId` is one of unit `state.code`'s life events, and `state` the unit after it.
    case saveEquipment(EquipmentState, eventId: String)
    /// A receipt names serialised items (a drug's 药品追溯码): each now leads to batch `batch`.
    case linkItems([String], batch: TraceCode, eventId: String)
    /// A packing names case or pallet `code` in batch `batch`.
    case linkContainer(TraceCode, batch: TraceCode, eventId: String, level: PackingLevel)
}

/// What a trace code names.
public enum TraceLinkKind: String, Hashable, Sendable {
    case batch
    case sale
}
