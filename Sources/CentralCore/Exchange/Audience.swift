public import SyncCore

/// Who an outward view is for. Each audience has its own allow-list of fields per event kind (`Disclosure`).
public enum Audience: String, Hashable, Sendable, CaseIterable {
    /// Consumers looking up a trace code without login: the page `/t/{code}` and the JSON `/v1/trace/{code}`.
    case consumer
    /// The provincial data exchange and regulators: the feed (`/v1/export/feed`, `sync-server export feed`) and the
    /// CSV exports (`/v1/export/csv/…`, `sync-server export csv`).
    case exchange
    /// The EPCIS 2.0 document (`/v1/export/epcis`, `sync-server export epcis`), which goes on to other systems.
    case epcis
}
