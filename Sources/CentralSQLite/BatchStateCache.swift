public import CentralCore
public import SyncCore

/// Batch states the merge derived, kept from one push to the next so that a batch's events are read and decoded
/// again only when something else has merged into it since.
///
/// Sound because events are only ever inserted, never changed or deleted: a kept state whose number of events is
/// the number the store holds for its batch is the state of those very events. States are taken in only after the
/// push that derived them committed (`keep(_:)`), never from a transaction that may still roll back.
final class BatchStateCache {
    private var states: [TraceCode: BatchState] = [:]
    /// How many batches are kept at most (a few kilobytes each); when full, it starts over. A market's open
    /// batches of a day fit several times.
    let capacity: Int

    init(capacity: Int = 10_000) {
        self.capacity = capacity
    }

    /// The kept state of batch `code` if it still has `eventCount` events.
    func state(_ code: TraceCode, eventCount: Int) -> BatchState? {
        guard let state = states[code], state.lines.count == eventCount else { return nil }
        return state
    }

    /// Takes in the batch states a committed write saved.
    func keep(_ known: [TraceCode: BatchState]) {
        if states.count + known.count > capacity { states.removeAll(keepingCapacity: true) }
        states.merge(known) { _, pushed in pushed }
    }
}
