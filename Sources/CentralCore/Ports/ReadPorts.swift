/// Every read a server serves from a reader beside the writer: the pull log, the device registry, trace, exports,
/// the admins' directory, the audit log, operators' credit, complaints, findings, special equipment and the
/// store's health check. A backend's reader conforms to all of them.
///
/// What every read port guarantees, whatever the backend:
/// - A call sees one committed state of the store: every query it makes reads the same snapshot, never part of a
///   write that is still open, and never a write that rolled back.
/// - A call never writes. Whatever a read used to write on the side (when a device was last seen, orphans that
///   waited too long) the writer records.
/// - A read may run on another connection than the writer, at the same time as a write: it sees the writes
///   committed before its snapshot began, not later ones; the next call sees those.
public typealias CentralReads = PullLog & DeviceRegistry & TraceReader & ExportReader & AdminDirectory & AuditReader
    & CreditReader & ComplaintReader & FindingReader & EquipmentReader & StoreHealth
