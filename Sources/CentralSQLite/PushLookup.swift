public import CentralCore
public import SyncCore

/// The central store as one push's merge rules see it: each batch's state is derived from its stored events once
/// per push and then kept up to date with the events the push merges, instead of re-reading and re-decoding the
/// batch's events for every entry.
///
/// Lives for one push transaction: while it runs, only the push itself writes events, and every event it stores
/// passes through `merged(_:)`. A batch first met in the push comes from the store's `BatchStateCache` when that
/// still holds it, and what the push learnt goes back there once it committed (`committed()`).
final class PushLookup: MergeLookup {
    private let store: CentralStore
    private let cache: BatchStateCache
    /// Known batches by code, as of the last merged event. Unknown batches are not kept: their receipt may come
    /// later in the same push.
    private var batches: [TraceCode: BatchState] = [:]
    /// Batches that took an event without a state derived for them.
    private var forgotten: Set<TraceCode> = []

    init(store: CentralStore, cache: BatchStateCache) {
        self.store = store
        self.cache = cache
    }

    func batchState(_ code: TraceCode) throws -> BatchState? {
        if let known = batches[code] { return known }
        let count = try store.database.scalar("SELECT count(*) FROM events WHERE batch_code = ?", code.digits) ?? 0
        if let kept = cache.state(code, eventCount: Int(count)) {
            batches[code] = kept
            return kept
        }
        let state = BatchState.derive(code: code, events: try store.batchEvents(code))
        if let state { batches[code] = state }
        return state
    }

    /// Hands the batch states of the push to the store's cache; call only once the push has committed.
    func committed() {
        cache.keep(batches, forgetting: forgotten)
    }

    /// Takes in what a stored decision changed: the batch state it derived with its event, or, when it derived
    /// none, forgets the event's batch so that the next read derives it from the store.
    func merged(_ decision: EntryDecision) {
        if let after = decision.batchAfter {
            batches[after.code] = after
            forgotten.remove(after.code)
        } else if let code = decision.event?.body.batchCode {
            batches[code] = nil
            forgotten.insert(code)
        }
    }

    func productExists(_ code: String) throws -> Bool { try store.productExists(code) }

    func regionExists(_ code: String) throws -> Bool { try store.regionExists(code) }

    func operatorNode(_ id: String) throws -> String? { try store.operatorNode(id) }

    func operatorWithCreditCode(_ creditCode: String, node: String) throws -> (id: String, eventId: String?)? {
        try store.operatorWithCreditCode(creditCode, node: node)
    }

    func batchEvents(_ code: TraceCode) throws -> [RecordedEvent] { try store.batchEvents(code) }

    func codeExists(_ code: TraceCode) throws -> Bool { try store.codeExists(code) }

    func certificateHolders(_ certificate: String) throws -> [(eventId: String, operatorId: String)] {
        try store.certificateHolders(certificate)
    }

    func candidate(eventId: String, value: String) throws -> ConflictCandidate? {
        try store.candidate(eventId: eventId, value: value)
    }
}
