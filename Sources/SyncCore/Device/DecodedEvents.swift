/// Events as decoded from their stored rows, by id, so that a batch recomputed again (on each pulled page that
/// touches it) decodes only its new events, not every event it has.
///
/// Decoding is a function of the row's text alone, so an event is taken from here only for a row with exactly the
/// text it was decoded from; any other row is decoded anew. It holds the events used most recently, two generations
/// of at most `generation` events each: what the last pages touched, not the whole log.
struct DecodedEvents {
    /// The columns of an `events` row that its `RecordedEvent` is read from.
    struct Source: Equatable {
        let kind: String
        let hlc: String
        let author: String
        let body: String
    }

    private typealias Held = (source: Source, event: RecordedEvent)

    /// The most events of one generation.
    let generation: Int
    private var current: [String: Held] = [:]
    private var previous: [String: Held] = [:]

    init(generation: Int = 10_000) { self.generation = generation }

    /// The event decoded from row `id` with exactly this text, if held; it is then held as used now.
    mutating func event(id: String, source: Source) -> RecordedEvent? {
        if let held = current[id] { return held.source == source ? held.event : nil }
        guard let held = previous[id], held.source == source else { return nil }
        hold(held.event, id: id, source: source)
        return held.event
    }

    /// Holds `event` as what row `id` with this text decodes to.
    mutating func hold(_ event: RecordedEvent, id: String, source: Source) {
        if current.count >= generation {
            previous = current
            current = [:]
        }
        current[id] = (source, event)
    }
}
